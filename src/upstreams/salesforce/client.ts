import type { SObjectName, SalesforceRecord } from './soql';

export interface QueryPage<T> {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: T[];
}

export interface QueryAllOptions {
  /** `/queryAll` instead of `/query`: rows in the Recycle Bin and archived rows too. */
  includeDeleted?: boolean;
}

export interface SaveResult {
  id: string | null;
  success: boolean;
  errors: Array<{ statusCode: string; message: string; fields: string[] }>;
}

/** A composite upsert's per-record result: `created` tells an insert (201) from an update (200). */
export interface UpsertResult extends SaveResult {
  created: boolean;
}

export interface LeadConvertRequest {
  leadId: string;
  convertedStatus: string;
  accountId?: string | null;
  contactId?: string | null;
  doNotCreateOpportunity?: boolean;
  opportunityName?: string | null;
}

export interface LeadConvertResponse {
  leadId: string;
  accountId: string;
  contactId: string;
  opportunityId: string | null;
}

export interface ApiUsageInfo {
  used: number;
  max: number;
}

export interface SalesforceIdentity {
  userId: string;
  orgId: string;
  username: string;
  displayName: string;
  email: string | null;
}

/** One allowed value of a picklist field, as describe's `picklistValues` lists it. */
export interface DescribedPicklistValue {
  value: string;
  label: string;
  active: boolean;
  defaultValue: boolean;
}

/** One field of an object's describe, as far as the gateway reads it. */
export interface DescribedField {
  name: string;
  label: string;
  type: string;
  custom: boolean;
  calculated: boolean;
  filterable: boolean;
  sortable: boolean;
  createable: boolean;
  updateable: boolean;
  nillable: boolean;
  length: number;
  referenceTo: string[];
  relationshipName: string | null;
  /** `richtextarea`, `plaintextarea`, `personname`... or null. */
  extraTypeInfo: string | null;
  compoundFieldName: string | null;
  /** Picklist and multi-select picklist fields: every value, inactive ones included. */
  picklistValues: DescribedPicklistValue[];
}

/** The gateway's view of one Salesforce org as one (integration) user. */
export interface SalesforceClient {
  /** One page (up to 2,000 rows); follow `nextRecordsUrl` with queryMore. */
  query<T extends SalesforceRecord = SalesforceRecord>(soql: string): Promise<QueryPage<T>>;
  queryMore<T extends SalesforceRecord = SalesforceRecord>(
    nextRecordsUrl: string,
  ): Promise<QueryPage<T>>;
  /**
   * Every row `soql` matches, each batch read with `queryMore`. `includeDeleted` is Salesforce's
   * `/queryAll` (deleted and archived rows too, still under the user's sharing): what a
   * DELETE change needs, as `/query` no longer shows the row.
   */
  queryAll<T extends SalesforceRecord = SalesforceRecord>(
    soql: string,
    options?: QueryAllOptions,
  ): Promise<T[]>;
  /**
   * One SOSL search (`GET /search`): the records of `searchRecords` in Salesforce's order,
   * each with `attributes.type` naming its object.
   */
  search<T extends SalesforceRecord = SalesforceRecord>(sosl: string): Promise<T[]>;
  /** Composite retrieve: results aligned with `ids`, null for missing or invisible records. */
  retrieve(
    object: SObjectName,
    ids: string[],
    fields: string[],
  ): Promise<Array<SalesforceRecord | null>>;
  create(
    object: SObjectName,
    records: Array<Record<string, unknown>>,
    options?: { allOrNone?: boolean },
  ): Promise<SaveResult[]>;
  update(
    object: SObjectName,
    records: Array<{ Id: string } & Record<string, unknown>>,
    options?: { allOrNone?: boolean },
  ): Promise<SaveResult[]>;
  /**
   * Upsert by an external Id field through the sObject collections upsert
   * (`PATCH /composite/sobjects/{object}/{field}`): up to 200 records, one API call, results
   * aligned with `records`. Every record must carry `externalIdField`.
   */
  upsert(
    object: string,
    externalIdField: string,
    records: Array<Record<string, unknown>>,
    options?: { allOrNone?: boolean },
  ): Promise<UpsertResult[]>;
  destroy(
    object: SObjectName,
    ids: string[],
    options?: { allOrNone?: boolean },
  ): Promise<SaveResult[]>;
  convertLead(request: LeadConvertRequest): Promise<LeadConvertResponse>;
  /** Daily API requests, read fresh from `/limits` (one API call). */
  apiUsage(): Promise<ApiUsageInfo>;
  identity(): Promise<SalesforceIdentity>;
  /**
   * The object's fields as the session's user sees them (`GET /sobjects/X/describe`):
   * field-level security leaves out what the user cannot read. Optional for test doubles.
   */
  describeFields?(object: SObjectName): Promise<DescribedField[]>;
}

/** Thrown by the client for every Salesforce failure; never a GraphQL type. */
export class SalesforceUpstreamError extends Error {
  readonly errorCode: string;
  readonly statusCode: number | undefined;
  readonly fields: string[];

  constructor(
    message: string,
    errorCode: string,
    options: { statusCode?: number; fields?: string[]; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SalesforceUpstreamError';
    this.errorCode = errorCode;
    this.statusCode = options.statusCode;
    this.fields = options.fields ?? [];
  }

  /** The first per-record error of a failed DML result (allOrNone collections, convertLead). */
  static fromSaveErrors(
    errors: SaveResult['errors'],
    fallbackMessage = 'The record was not saved',
  ): SalesforceUpstreamError {
    const first =
      errors.find((e) => e.statusCode !== 'ALL_OR_NONE_OPERATION_ROLLED_BACK') ?? errors[0];
    if (first === undefined)
      return new SalesforceUpstreamError(fallbackMessage, 'UNKNOWN_EXCEPTION');
    return new SalesforceUpstreamError(first.message, first.statusCode, { fields: first.fields });
  }
}
