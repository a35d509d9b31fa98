import { isRecord } from '../../lib/is-record';
import type { QueryPage } from './client';

/**
 * A query result as Salesforce sends it, for the top level and for a child subquery alike
 * ("Understanding Query Results", SOQL reference): a batch of rows, and `nextRecordsUrl`
 * while `done` is false.
 */
export function toQueryPage<T>(result: unknown): QueryPage<T> {
  const page = isRecord(result) ? result : {};
  const records = Array.isArray(page.records) ? (page.records as T[]) : [];
  return {
    totalSize: typeof page.totalSize === 'number' ? page.totalSize : records.length,
    done: page.done !== false,
    ...(typeof page.nextRecordsUrl === 'string' ? { nextRecordsUrl: page.nextRecordsUrl } : {}),
    records,
  };
}

/**
 * The rows of `first` and of every batch behind its locator, one `queryMore` per batch, up to
 * `limit` rows. The one paging loop of the gateway: jsforce's `autoFetch` would retry a whole
 * result instead of one batch and follow child locators past the rows a page needs.
 */
export async function readAllPages<T>(
  first: QueryPage<T>,
  queryMore: (nextRecordsUrl: string) => Promise<QueryPage<T>>,
  limit = Number.POSITIVE_INFINITY,
): Promise<T[]> {
  const records = [...first.records];
  let next = first.done ? undefined : first.nextRecordsUrl;
  while (next !== undefined && records.length < limit) {
    const page = await queryMore(next);
    records.push(...page.records);
    next = page.done ? undefined : page.nextRecordsUrl;
  }
  return records.length > limit ? records.slice(0, limit) : records;
}

/**
 * Records in `records` and in every child subquery result nested in them (`Contacts:
 * { totalSize, done, records }`): what one read costs against an operation's rows budget.
 */
export function countRecords(records: readonly unknown[]): number {
  let count = 0;
  for (const record of records) {
    count += 1;
    if (!isRecord(record)) continue;
    for (const value of Object.values(record)) {
      if (isRecord(value) && Array.isArray(value.records) && typeof value.done === 'boolean') {
        count += countRecords(value.records);
      }
    }
  }
  return count;
}
