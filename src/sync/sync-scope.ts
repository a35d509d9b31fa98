/** An Account a sync may write, with its link field's value for the service (null: fallback). */
export interface SyncAccount {
  accountId: string;
  /** The link field (`Stripe_Customer_Id__c`...): the service's id, or null. */
  linkId: string | null;
  /** The Account Name (QuickBooks' fallback link is an exact DisplayName). */
  name: string | null;
}

/**
 * What a run covers: one Account's linked records, or every linked record whose Account the
 * viewer may write (`accounts`: every Account the viewer's Salesforce read returned).
 */
export type SyncScope =
  { kind: 'account'; account: SyncAccount } | { kind: 'all'; accounts: SyncAccount[] };

export function scopeKey(scope: SyncScope): string {
  return scope.kind === 'account' ? `account:${scope.account.accountId}` : 'all';
}

/** The watermark key: a different `since` reads a different list, so it has its own cursor. */
export function readScopeKey(scope: SyncScope, since: Date | null): string {
  return since === null ? scopeKey(scope) : `${scopeKey(scope)}:since:${since.toISOString()}`;
}
