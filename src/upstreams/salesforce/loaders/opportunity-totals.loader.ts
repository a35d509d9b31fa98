import DataLoader from 'dataloader';
import type { SalesforceClient } from '../client';
import { buildGroupedSumQuery, idKey, MAX_IDS_PER_QUERY } from '../soql';

/** An account's pipeline as the viewer sees it: open and won opportunity amounts. */
export interface OpportunityTotals {
  /** SUM(Amount) of open opportunities (IsClosed = false); null amounts count as 0. */
  openAmount: number;
  /** SUM(Amount) of won opportunities (IsWon = true). */
  wonAmount: number;
}

export type OpportunityTotalsLoader = DataLoader<string, OpportunityTotals>;

function numberOf(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/**
 * Open and won amounts per Account for a page of accounts in ONE aggregate query per ≤200
 * accounts (GROUP BY AccountId, IsClosed, IsWon): never the opportunities themselves.
 */
export function createOpportunityTotalsLoader(client: SalesforceClient): OpportunityTotalsLoader {
  return new DataLoader<string, OpportunityTotals>(
    async (accountIds) => {
      const soql = buildGroupedSumQuery({
        object: 'Opportunity',
        parentField: 'AccountId',
        groupFields: ['IsClosed', 'IsWon'],
        sumField: 'Amount',
        ids: [...accountIds],
      });
      const totals = new Map<string, OpportunityTotals>();
      for (const row of await client.queryAll(soql)) {
        if (typeof row.AccountId !== 'string') continue;
        const key = idKey(row.AccountId);
        const entry = totals.get(key) ?? { openAmount: 0, wonAmount: 0 };
        const amount = numberOf(row.expr0);
        if (row.IsClosed === false) entry.openAmount += amount;
        if (row.IsWon === true) entry.wonAmount += amount;
        totals.set(key, entry);
      }
      return accountIds.map((id) => totals.get(idKey(id)) ?? { openAmount: 0, wonAmount: 0 });
    },
    { maxBatchSize: MAX_IDS_PER_QUERY },
  );
}
