import DataLoader from 'dataloader';
import type { SalesforceClient } from '../client';
import {
  buildGroupedCountQuery,
  idKey,
  MAX_IDS_PER_QUERY,
  type FilterInput,
  type SObjectName,
} from '../soql';

export interface GroupedCountSpec {
  object: SObjectName;
  groupField: string;
  where?: FilterInput | null;
}

export type GroupedCountLoader = DataLoader<string, number>;

function countOf(row: Record<string, unknown>): number {
  // An unaliased aggregate comes back as `expr0`; accept an explicit alias too.
  const value = row.expr0 ?? row.cnt ?? row.total;
  return typeof value === 'number' ? value : Number(value ?? 0);
}

/** Child counts per parent (`account.contacts.totalCount`): one GROUP BY query per ≤200 parents. */
export function createGroupedCountLoader(
  client: SalesforceClient,
  spec: GroupedCountSpec,
): GroupedCountLoader {
  return new DataLoader<string, number>(
    async (parentIds) => {
      const soql = buildGroupedCountQuery({ ...spec, ids: [...parentIds] });
      const rows = await client.queryAll(soql);
      const counts = new Map<string, number>();
      for (const row of rows) {
        const parentId = row[spec.groupField];
        if (typeof parentId === 'string') counts.set(idKey(parentId), countOf(row));
      }
      return parentIds.map((id) => counts.get(idKey(id)) ?? 0);
    },
    { maxBatchSize: MAX_IDS_PER_QUERY },
  );
}
