import type { QueryAllOptions, SalesforceClient } from '../client';
import { buildByIdsQuery, chunkIds, type SalesforceRecord, type SObjectName } from '../soql';

/**
 * `SELECT <fields> FROM <object> WHERE Id IN (...)` for any number of Ids: one query per 200
 * distinct Ids (the SOQL IN-list bound), run one after another. Rows come back in Salesforce's
 * order; missing or invisible Ids have no row. `includeDeleted` reads through `/queryAll`.
 */
export async function readRecordsByIds(
  client: SalesforceClient,
  object: SObjectName,
  fields: string[],
  ids: readonly string[],
  options: QueryAllOptions = {},
): Promise<SalesforceRecord[]> {
  const rows: SalesforceRecord[] = [];
  for (const chunk of chunkIds([...new Set(ids)])) {
    rows.push(...(await client.queryAll(buildByIdsQuery({ object, fields, ids: chunk }), options)));
  }
  return rows;
}
