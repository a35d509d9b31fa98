/** The contract's `SObjectType` values the gateway publishes changes for. */
export const SOBJECT_TYPES = ['ACCOUNT', 'CONTACT', 'OPPORTUNITY', 'LEAD'] as const;
export type SObjectTypeName = (typeof SOBJECT_TYPES)[number];

/** The contract's `ChangeType`. */
export type ChangeTypeName = 'CREATE' | 'UPDATE' | 'DELETE' | 'UNDELETE' | 'GAP';

export type GapKind = 'GAP_CREATE' | 'GAP_UPDATE' | 'GAP_DELETE' | 'GAP_UNDELETE' | 'GAP_OVERFLOW';

/** One change event in the contract's vocabulary; JSON-safe (it crosses Redis). */
export interface NormalizedChange {
  type: SObjectTypeName;
  changeType: ChangeTypeName;
  recordIds: string[];
  /** camelCase contract field names (`StageName` → `stageName`, `BillingCity` → `billingAddress`). */
  changedFields: string[];
  /**
   * An UPDATE's changed fields by the upstream's names (Salesforce: the header's
   * changedFields, nulledFields and diffFields, API names), for the cache's finer
   * invalidation. Absent when the upstream did not say (a GAP, a create).
   */
  upstreamChangedFields?: string[];
  /** ISO 8601. */
  commitTimestamp: string;
  commitUserId: string | null;
  replayId: string;
  /**
   * Set when the upstream could not say what changed (Salesforce GAP_* events): changeType
   * `GAP`, or `UPDATE`/`DELETE` once the source re-read the records.
   */
  gapKind?: GapKind;
  /** The upstream's name of the object (Salesforce API name: `Opportunity`). */
  entityName: string;
  /** From the payload's `AccountId` (Contact, Opportunity) or the Account's own Id. */
  accountIds?: string[];
  /**
   * Field values by the upstream's field names (Salesforce API names): the event's
   * created/changed values, or the whole record after a GAP re-read. Subscribers get them
   * filtered to the fields they may read (`ChangeSource.valueFieldNames`).
   */
  values?: Record<string, unknown>;
}
