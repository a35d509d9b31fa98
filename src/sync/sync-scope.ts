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
 * viewer may write (`accounts`: every Account the viewer's Salesforce read returned; `viewer`:
 * whose read that was, since another viewer's run covers other Accounts).
 */
export type SyncScope =
  | { kind: 'account'; account: SyncAccount }
  | { kind: 'all'; viewer: string; accounts: SyncAccount[] };

/**
 * The lease and watermark key. `all` is per viewer: a run skips records of Accounts its viewer
 * may not write, so another viewer resuming from its cursor would never write them.
 */
export function scopeKey(scope: SyncScope): string {
  return scope.kind === 'account' ? `account:${scope.account.accountId}` : `all:${scope.viewer}`;
}

/** The watermark key: a different `since` reads a different list, so it has its own cursor. */
export function readScopeKey(scope: SyncScope, since: Date | null): string {
  return since === null ? scopeKey(scope) : `${scopeKey(scope)}:since:${since.toISOString()}`;
}
