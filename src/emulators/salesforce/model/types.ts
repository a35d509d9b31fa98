/**
 * Shared shapes of the emulated org. The SOQL engine, the store, the seed and the HTTP
 * layer all speak these types; none of them imports the gateway (ARCHITECTURE.md: the
 * emulators must not share the gateway's bugs).
 */

/** Salesforce's describe `type` values for the fields the emulator models. */
export type FieldType =
  | 'id'
  | 'reference'
  | 'string'
  | 'textarea'
  | 'picklist'
  | 'multipicklist'
  | 'email'
  | 'phone'
  | 'url'
  | 'boolean'
  | 'int'
  | 'double'
  | 'currency'
  | 'percent'
  | 'date'
  | 'datetime'
  | 'address'
  /** Geolocation compound field (read-only here: its `__Latitude__s`/`__Longitude__s` parts are not modeled). */
  | 'location'
  /** Classic encrypted text: masked on read, neither filterable nor sortable. */
  | 'encryptedstring';

export interface PicklistValue {
  value: string;
  label: string;
  active: boolean;
  defaultValue: boolean;
}

export interface FieldDef {
  name: string;
  label: string;
  type: FieldType;
  nillable: boolean;
  filterable: boolean;
  sortable: boolean;
  groupable: boolean;
  /** Aggregatable with SUM/AVG (numbers) or MIN/MAX (numbers, dates, strings). */
  aggregatable: boolean;
  createable: boolean;
  updateable: boolean;
  /** Computed by the org (Name on Contact, IsClosed on Opportunity...). */
  calculated: boolean;
  defaultedOnCreate: boolean;
  custom: boolean;
  externalId: boolean;
  unique: boolean;
  length: number;
  precision: number;
  scale: number;
  /** For `reference` fields: the relationship name used in SOQL paths (`Account`, `Owner`). */
  relationshipName: string | null;
  referenceTo: string[];
  picklistValues: PicklistValue[];
  /** For the parts of a compound address field, the compound field's name. */
  compoundFieldName: string | null;
  /** Describe's `extraTypeInfo`: `richtextarea` / `plaintextarea` for textareas, else null. */
  extraTypeInfo: string | null;
  /**
   * Field-level security: the profiles that cannot read the field. For them the field is
   * absent from describe and SOQL/DML naming it fails with INVALID_FIELD, as in Salesforce.
   */
  hiddenFromProfiles: readonly string[];
}

export interface ChildRelationshipDef {
  childSObject: string;
  field: string;
  relationshipName: string;
  cascadeDelete: boolean;
}

export interface ObjectDef {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string;
  custom: boolean;
  queryable: boolean;
  createable: boolean;
  updateable: boolean;
  deletable: boolean;
  fields: FieldDef[];
  childRelationships: ChildRelationshipDef[];
}

/**
 * The value of a compound address field (`BillingAddress`), as the REST API returns it. The
 * store computes it from the parts; it is never filterable or sortable.
 */
export interface AddressValue {
  street: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  country: string | null;
  geocodeAccuracy: string | null;
  latitude: number | null;
  longitude: number | null;
}

/** A stored value. Dates are `YYYY-MM-DD`, datetimes ISO strings in UTC with millis and `Z`. */
export type FieldValue = string | number | boolean | null | AddressValue;

/** A stored row: field API name → value. Always has `Id`, `IsDeleted` and the system fields. */
export interface SObjectRecord {
  Id: string;
  [field: string]: FieldValue;
}

export interface EmulatorUser {
  Id: string;
  Username: string;
  Name: string;
  FirstName: string | null;
  LastName: string;
  Email: string;
  IsActive: boolean;
  /** The "View All Data" permission: sees every record regardless of sharing. */
  viewAllData: boolean;
  /** Password for the username-password grant (demo only). */
  password: string;
  /** The profile field-level security is decided by; see `profileOf` for the default. */
  profile?: string;
}

/** What the SOQL engine needs from the org's data; `OrgStore` implements it. */
export interface OrgData {
  /** Case-insensitive object lookup; undefined for an unknown object. */
  describe(objectName: string): ObjectDef | undefined;
  /** Every row of the object, deleted ones included (`IsDeleted: true`). */
  rows(objectName: string): Iterable<SObjectRecord>;
  /** Lookup by 15- or 18-character Id across all objects. */
  byId(id: string): SObjectRecord | undefined;
  /** Private sharing model: the owner sees a record, a view-all-data user sees all. */
  canSee(user: EmulatorUser, objectName: string, record: SObjectRecord): boolean;
}

export interface QueryContext {
  user: EmulatorUser;
  /** queryAll: deleted rows are visible. */
  includeDeleted: boolean;
  /** The clock for date literals (TODAY, LAST_N_DAYS:n ...). */
  now: Date;
  /** For `attributes.url` (`/services/data/v59.0/sobjects/Account/001...`). */
  apiVersion: string;
}

/** A record as the REST API returns it. */
export interface JsonRecord {
  attributes: { type: string; url?: string };
  [field: string]: unknown;
}

export interface QueryResult {
  totalSize: number;
  done: boolean;
  records: JsonRecord[];
}

/** A committed change, for the (later) Change Data Capture stream. */
export interface ChangeEvent {
  entityName: string;
  changeType: 'CREATE' | 'UPDATE' | 'DELETE' | 'UNDELETE';
  recordIds: string[];
  changedFields: string[];
  /** Field values after the change (created or changed fields only). */
  values: Record<string, FieldValue>;
  transactionKey: string;
  commitTimestamp: number;
  commitUserId: string;
}
