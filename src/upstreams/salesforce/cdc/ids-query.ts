import { ENTITY_NAMES, type SObjectTypeName } from '../../../live/normalized-change';
import { buildByIdsQuery, chunkIds, type SalesforceRecord, type SObjectName } from '../soql';

/** `SELECT <fields> FROM <type> WHERE Id IN (...)`, one query per 200 Ids (SOQL IN-list bound). */
export async function queryByIds(
  run: (soql: string) => Promise<SalesforceRecord[]>,
  type: SObjectTypeName,
  fields: string[],
  ids: readonly string[],
): Promise<SalesforceRecord[]> {
  const object = ENTITY_NAMES[type] as SObjectName;
  const rows: SalesforceRecord[] = [];
  for (const chunk of chunkIds([...new Set(ids)])) {
    rows.push(...(await run(buildByIdsQuery({ object, fields, ids: chunk }))));
  }
  return rows;
}
