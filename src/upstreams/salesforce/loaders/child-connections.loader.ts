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

function childRecords(value: unknown): SalesforceRecord[] {
  if (typeof value !== 'object' || value === null) return [];
  const records = (value as { records?: unknown }).records;
  return Array.isArray(records) ? (records as SalesforceRecord[]) : [];
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
      return parentIds.map((id) => ({
        records: childRecords(byId.get(id.slice(0, 15))?.[spec.relationship]),
        sortKeys: compiled.sortKeys,
      }));
    },
    { maxBatchSize: MAX_IDS_PER_QUERY },
  );
}
