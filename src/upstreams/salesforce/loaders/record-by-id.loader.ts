import DataLoader from 'dataloader';
import type { SalesforceClient } from '../client';
import {
  buildByIdsQuery,
  MAX_IDS_PER_QUERY,
  type SalesforceRecord,
  type SObjectName,
} from '../soql';
import { queryAll } from './query-all';

export type RecordByIdLoader = DataLoader<string, SalesforceRecord | null>;

/** Salesforce answers 18-char Ids; keys are 18-char too, the 15-char prefix is the case-safe join key. */
function joinKey(id: string): string {
  return id.slice(0, 15);
}

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
      const records = await queryAll(client, soql);
      const byId = new Map(records.map((record) => [joinKey(record.Id), record]));
      return ids.map((id) => byId.get(joinKey(id)) ?? null);
    },
    { maxBatchSize: MAX_IDS_PER_QUERY },
  );
}
