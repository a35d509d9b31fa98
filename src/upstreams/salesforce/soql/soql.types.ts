export type SObjectName = 'Account' | 'Contact' | 'Opportunity' | 'Lead' | 'User';

export type ScalarKind =
  | 'id'
  | 'string'
  | 'int'
  | 'float'
  | 'boolean'
  | 'date'
  | 'datetime'
  /** A multi-select picklist: `a;b` in Salesforce, a list of strings in the graph. */
  | 'multipicklist';

export interface AddressParts {
  street: string;
  city: string;
  state: string;
  postalCode: string;
  country: string;
}

export interface ObjectMapping {
  sobject: SObjectName;
  /** GraphQL scalar field -> SOQL field ('name' -> 'Name'). */
  fields: Record<string, { soql: string; kind: ScalarKind }>;
  /** Compound address field -> its SOQL parts ('billingAddress' -> Billing*). */
  addresses: Record<string, AddressParts>;
  /** Parent reference ('account' -> relationship 'Account', idField 'AccountId'). */
  parents: Record<string, { relationship: string; idField: string; target: SObjectName }>;
  /** Child connection ('contacts' -> relationship 'Contacts' of Contact.AccountId). */
  children: Record<string, { relationship: string; target: SObjectName; field: string }>;
  /** Filter input key -> SOQL field ('ownerId' -> 'OwnerId'). */
  filters: Record<string, { soql: string; kind: ScalarKind }>;
  /** Sort enum value -> SOQL field ('ANNUAL_REVENUE' -> 'AnnualRevenue'). */
  sortFields: Record<string, string>;
  /**
   * Linked-service field -> the record fields its resolver links by ('payments' -> the
   * configured Stripe customer link field): selected with the record, so linking costs no
   * extra Salesforce call.
   */
  linked?: Record<string, readonly LinkSource[]>;
  /**
   * The org's custom fields the gateway exposes (registered at startup from describe), by
   * graph name, which is the Salesforce API name: create/update inputs write them by it.
   */
  custom?: Record<string, { soql: string; kind: ScalarKind }>;
}

/** The configurable Account link fields (config `linked.linkFields`). */
export type LinkFieldKey = 'stripeCustomer' | 'zendeskOrganization' | 'quickBooksCustomer';

/** A record field a linked-service resolver needs: a fixed one or a configured link field. */
export type LinkSource = { field: string } | { link: LinkFieldKey };

/** A Salesforce record as jsforce returns it (parent relationships nested, attributes present). */
export type SalesforceRecord = { Id: string; attributes?: { type: string; url?: string } } & Record<
  string,
  unknown
>;

/** Filter input shaped exactly like the contract's *Filter inputs (IDFilter, StringFilter, ..., and/or/not). */
export type FilterInput = {
  and?: FilterInput[] | null;
  or?: FilterInput[] | null;
  not?: FilterInput | null;
} & Record<string, unknown>;

export interface OrderByInput {
  field: string;
  direction?: 'ASC' | 'DESC' | null;
  nulls?: 'FIRST' | 'LAST' | null;
}

export interface SortKey {
  field: string;
  direction: 'ASC' | 'DESC';
  nulls: 'FIRST' | 'LAST';
}

export interface IdScope {
  field: string;
  ids: string[];
}

export interface ConnectionQueryInput {
  object: SObjectName;
  /** SOQL field paths to select; Id and sort fields are added. */
  fields: string[];
  where?: FilterInput | null;
  /** Default: Id ASC; Id is always appended as the final tiebreaker. */
  orderBy?: OrderByInput[] | null;
  /** Validated 0..MAX_PAGE_SIZE; the query asks LIMIT first+1 to know hasNextPage. */
  first: number;
  /** Opaque keyset cursor from encodeCursor. */
  after?: string | null;
  /** e.g. { field: 'AccountId', ids } -> AND AccountId IN (...). */
  scope?: IdScope | null;
  /**
   * Accepted for callers that pass a clock; relative dates are sent as SOQL date literals, which
   * Salesforce resolves in the running user's time zone, so compilation never reads it.
   */
  now?: Date;
}

export interface CompiledConnectionQuery {
  soql: string;
  /** The keys written into ORDER BY, Id last; pass them to encodeCursor for each returned row. */
  sortKeys: SortKey[];
  /** The LIMIT written into the query: first + 1, so `records.length > first` means hasNextPage. */
  limit: number;
}

export const MAX_PAGE_SIZE = 200;

/** Ids per IN list: ≈22 characters each once quoted, so 200 stay well below the 16 KB URI limit. */
export const MAX_IDS_PER_QUERY = 200;

/** SOQL follows at most five parent relationships in one path (Account.Owner.Manager...). */
export const MAX_PARENT_DEPTH = 5;
