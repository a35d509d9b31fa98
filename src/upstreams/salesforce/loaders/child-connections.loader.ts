import DataLoader from 'dataloader';
import type { SalesforceClient } from '../client';
import {
  buildChildConnectionsQuery,
  idKey,
  MAX_IDS_PER_QUERY,
  type FilterInput,
  type OrderByInput,
  type SalesforceRecord,
  type SObjectName,
  type SortKey,
} from '../soql';
import { readAllPages, toQueryPage } from '../paging';

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
      const parents = await client.queryAll(compiled.soql);
      const byId = new Map(parents.map((parent) => [idKey(parent.Id), parent]));
      return Promise.all(
        parentIds.map(async (id) => ({
          // Salesforce may answer a child subquery in batches like any query result: without
          // following the child's own locator a page would come back short and claim no next page.
          records: await readAllPages(
            toQueryPage<SalesforceRecord>(byId.get(idKey(id))?.[spec.relationship]),
            (url) => client.queryMore(url),
            compiled.limit,
          ),
          sortKeys: compiled.sortKeys,
        })),
      );
    },
    { maxBatchSize: MAX_IDS_PER_QUERY },
  );
}
