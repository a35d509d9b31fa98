import DataLoader from 'dataloader';
import type { SalesforceClient } from '../client';
import {
  buildByIdsQuery,
  idKey,
  MAX_IDS_PER_QUERY,
  type SalesforceRecord,
  type SObjectName,
} from '../soql';

export type RecordByIdLoader = DataLoader<string, SalesforceRecord | null>;

/**
 * Records of one object by Id with one field set: one `WHERE Id IN (...)` query per
 * ≤200 keys, results in key order, `null` for missing or invisible records.
 */
export function createRecordByIdLoader(
  client: SalesforceClient,
  object: SObjectName,
  fields: string[],
): RecordByIdLoader {
  return new DataLoader<string, SalesforceRecord | null>(
    async (ids) => {
      const soql = buildByIdsQuery({ object, fields, ids: [...ids] });
      const records = await client.queryAll(soql);
      const byId = new Map(records.map((record) => [idKey(record.Id), record]));
      return ids.map((id) => byId.get(idKey(id)) ?? null);
    },
    { maxBatchSize: MAX_IDS_PER_QUERY },
  );
}
