import DataLoader from 'dataloader';
import type { SalesforceClient } from '../client';
import {
  buildByFieldValuesQuery,
  MAX_IDS_PER_QUERY,
  type SalesforceRecord,
  type SObjectName,
} from '../soql';

export type RecordByFieldLoader = DataLoader<string, SalesforceRecord | null>;

/**
 * Records of one object by the value of one field (`Account` by `Stripe_Customer_Id__c`):
 * one `WHERE field IN (...)` query per ≤200 values. Salesforce compares text case-insensitively
 * (`Email = 'a@x.org'` finds `A@x.org`), so answers are matched to keys the same way. When
 * several records share a value the oldest Id wins, so the answer is stable; `null` when none
 * matches or it is invisible.
 */
export function createRecordByFieldLoader(
  client: SalesforceClient,
  object: SObjectName,
  field: string,
  fields: string[],
): RecordByFieldLoader {
  return new DataLoader<string, SalesforceRecord | null>(
    async (values) => {
      const soql = buildByFieldValuesQuery({ object, fields, field, values: [...values] });
      const records = await client.queryAll(soql);
      const byValue = new Map<string, SalesforceRecord>();
      for (const record of [...records].sort((a, b) => (a.Id < b.Id ? -1 : 1))) {
        const value = record[field];
        const key = typeof value === 'number' ? String(value) : value;
        if (typeof key === 'string' && !byValue.has(key.toLowerCase())) {
          byValue.set(key.toLowerCase(), record);
        }
      }
      return values.map((value) => byValue.get(value.toLowerCase()) ?? null);
    },
    { maxBatchSize: MAX_IDS_PER_QUERY },
  );
}
