import DataLoader from 'dataloader';
import type { SalesforceClient } from '../client';
import {
  buildChildConnectionsQuery,
  MAX_IDS_PER_QUERY,
  type FilterInput,
  type OrderByInput,
  type SalesforceRecord,
  type SObjectName,
  type SortKey,
} from '../soql';
import { queryAll } from './query-all';

export interface ChildConnectionSpec {
  parent: SObjectName;
  relationship: string;
  child: SObjectName;
  fields: string[];
  where?: FilterInput | null;
  orderBy?: OrderByInput[] | null;
  first: number;
}

/** Up to `first + 1` child rows of one parent (the extra row only tells that a next page exists). */
export interface ChildPage {
  records: SalesforceRecord[];
  sortKeys: SortKey[];
}

export type ChildConnectionsLoader = DataLoader<string, ChildPage>;

interface ChildResult {
  records: SalesforceRecord[];
  /** Set when Salesforce cut the subquery's rows short: the rest sit behind a locator. */
  nextRecordsUrl: string | undefined;
}

function childResult(value: unknown): ChildResult {
  if (typeof value !== 'object' || value === null)
    return { records: [], nextRecordsUrl: undefined };
  const result = value as { records?: unknown; done?: unknown; nextRecordsUrl?: unknown };
  const records = Array.isArray(result.records) ? (result.records as SalesforceRecord[]) : [];
  const more =
    result.done === false && typeof result.nextRecordsUrl === 'string'
      ? result.nextRecordsUrl
      : undefined;
  return { records, nextRecordsUrl: more };
}

/**
 * Salesforce may answer a child subquery in batches, like any query result ("Understanding
 * Query Results", SOQL reference): without following the child's own locator a page of
 * `first` rows would come back short and claim there is no next page.
 */
async function completeChildRows(
  client: SalesforceClient,
  child: ChildResult,
  limit: number,
): Promise<SalesforceRecord[]> {
  const records = [...child.records];
  let next = child.nextRecordsUrl;
  while (next !== undefined && records.length < limit) {
    const page = await client.queryMore(next);
    records.push(...page.records);
    next = page.done ? undefined : page.nextRecordsUrl;
  }
  return records.slice(0, limit);
}

/**
 * First page of one child relationship for many parents: one parent query with a child
 * subquery per ≤200 parent Ids, so `account.contacts` over a page of accounts is one call.
 */
export function createChildConnectionsLoader(
  client: SalesforceClient,
  spec: ChildConnectionSpec,
): ChildConnectionsLoader {
  return new DataLoader<string, ChildPage>(
    async (parentIds) => {
      const compiled = buildChildConnectionsQuery({ ...spec, parentIds: [...parentIds] });
      const parents = await queryAll(client, compiled.soql);
      const byId = new Map(parents.map((parent) => [parent.Id.slice(0, 15), parent]));
      return Promise.all(
        parentIds.map(async (id) => ({
          records: await completeChildRows(
            client,
            childResult(byId.get(id.slice(0, 15))?.[spec.relationship]),
            compiled.limit,
          ),
          sortKeys: compiled.sortKeys,
        })),
      );
    },
    { maxBatchSize: MAX_IDS_PER_QUERY },
  );
}
