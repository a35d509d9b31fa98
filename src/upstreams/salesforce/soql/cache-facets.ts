import { ROWS } from '../../../cache';
import type { SObjectName } from './soql.types';

/*
 * Facets: what part of an object type a cached read depends on, so that a change drops only
 * the reads it can alter. A facet is named `<field api name, lower case>`, `rows` (which rows
 * exist: creates, deletes, undeletes), `~derived` (any field Salesforce computes: formulas,
 * IsWon, LastModifiedDate; every update may change one) or `~unlisted` (a changed field not
 * listed below, e.g. a custom field).
 */

export const ROWS_FACET = ROWS;
export const DERIVED_FACET = '~derived';
export const UNLISTED_FACET = '~unlisted';

/**
 * Fields whose value changes only when a write names them (CDC lists them in changedFields).
 * Anything else a read filters, sorts or groups on is treated as derived: every update of the
 * type drops that read. Conservative on purpose: a field missing here costs cache hits, a
 * field wrongly listed would serve stale rows.
 */
const STORED_FIELDS: Readonly<Record<SObjectName, readonly string[]>> = {
  Account: [
    'Id',
    'Name',
    'Type',
    'Industry',
    'Website',
    'Phone',
    'AnnualRevenue',
    'NumberOfEmployees',
    'OwnerId',
    'ParentId',
    'BillingStreet',
    'BillingCity',
    'BillingState',
    'BillingPostalCode',
    'BillingCountry',
    'CreatedDate',
  ],
  Contact: [
    'Id',
    'FirstName',
    'LastName',
    'Email',
    'Phone',
    'Title',
    'LeadSource',
    'AccountId',
    'OwnerId',
    'CreatedDate',
  ],
  Opportunity: [
    'Id',
    'Name',
    'StageName',
    'Amount',
    'Probability',
    'CloseDate',
    'Type',
    'LeadSource',
    'AccountId',
    'OwnerId',
    'CreatedDate',
  ],
  Lead: [
    'Id',
    'FirstName',
    'LastName',
    'Company',
    'Title',
    'Email',
    'Phone',
    'Status',
    'LeadSource',
    'Industry',
    'Rating',
    'AnnualRevenue',
    'OwnerId',
    'CreatedDate',
  ],
  User: ['Id', 'Username', 'FirstName', 'LastName', 'Email', 'IsActive'],
};

/**
 * Stored fields SOSL `IN ALL FIELDS` never matches (numbers, dates, ids): a change to them
 * alone cannot move a record into or out of a search result.
 */
const NOT_SEARCHED = new Set(
  [
    'Id',
    'AnnualRevenue',
    'NumberOfEmployees',
    'Amount',
    'CloseDate',
    'CreatedDate',
    'OwnerId',
    'ParentId',
    'AccountId',
    'IsActive',
  ].map((name) => name.toLowerCase()),
);

/**
 * Fields Salesforce sets as a consequence of a write (audit fields, formulas and stage-derived
 * flags): never searched, never written by a client, and covered by `~derived`, which every
 * update replaces. A change event may list them beside the fields the write sent.
 */
const CONSEQUENTIAL_FIELDS = new Set(
  [
    'LastModifiedDate',
    'LastModifiedById',
    'SystemModstamp',
    'LastReferencedDate',
    'LastViewedDate',
    'LastActivityDate',
    'ExpectedRevenue',
    'IsClosed',
    'IsWon',
    'ForecastCategory',
    'ForecastCategoryName',
  ].map((name) => name.toLowerCase()),
);

const STORED: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(STORED_FIELDS).map(([type, fields]) => [
    type,
    new Set(fields.map((field) => field.toLowerCase())),
  ]),
);

/** Whether `field` (an API name, any case) of `type` changes only when a write names it. */
export function isStoredField(type: string, field: string): boolean {
  return STORED.get(type)?.has(field.toLowerCase()) ?? false;
}

/**
 * Computed fields whose inputs are known stored fields: a read of them depends on those
 * inputs' facets. IsClosed, IsWon and the forecast category follow the stage; the expected
 * revenue is the amount times the probability.
 */
const COMPUTED_FROM: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  Opportunity: {
    isclosed: ['stagename'],
    iswon: ['stagename'],
    forecastcategory: ['stagename'],
    forecastcategoryname: ['stagename'],
    expectedrevenue: ['amount', 'probability'],
  },
};

/**
 * Stored fields the org itself writes when a write names another field: a stage written
 * without a probability gets the stage's default probability. The gateway's own update
 * sends only the stage, and must still drop what shows or filters on the probability.
 */
const SET_BY_THE_ORG_ON_WRITE: Readonly<
  Record<string, Readonly<Record<string, readonly string[]>>>
> = {
  Opportunity: { stagename: ['probability'] },
};

/** The facets a read filtering, sorting, grouping or aggregating on `field` depends on. */
export function facetsOfField(type: string, field: string): readonly string[] {
  const name = field.toLowerCase();
  if (isStoredField(type, field)) return [name];
  return COMPUTED_FROM[type]?.[name] ?? [DERIVED_FACET];
}

/** What a SOSL search over `type` depends on besides its returned rows. */
export function searchFacets(type: string): string[] {
  const searched = [...(STORED.get(type) ?? [])].filter((field) => !NOT_SEARCHED.has(field));
  return [ROWS_FACET, UNLISTED_FACET, ...searched];
}

/**
 * Whether an update naming `changedFields` can move records in or out of someone's sight:
 * the owner, or the parent Account whose sharing Contacts and Opportunities follow. Such an
 * update drops whole types (it is rare), since any scope's rows may change.
 */
export function changesSharing(type: string, changedFields: readonly string[]): boolean {
  return changedFields.some((raw) => {
    const field = raw.toLowerCase();
    return field === 'ownerid' || (field === 'accountid' && type !== 'Account');
  });
}

/**
 * The facets an update naming `changedFields` (API names as CDC's changedFields, nulledFields
 * and diffFields give them, or the fields a write sent) may alter. Compound names
 * (`BillingAddress.City`, `Name.LastName`) name their component field.
 */
export function facetsOfUpdate(type: string, changedFields: readonly string[]): string[] {
  const facets = new Set<string>([DERIVED_FACET]);
  for (const raw of changedFields) {
    for (const alsoSet of SET_BY_THE_ORG_ON_WRITE[type]?.[raw.toLowerCase()] ?? []) {
      facets.add(alsoSet);
    }
  }
  for (const raw of changedFields) {
    if (CONSEQUENTIAL_FIELDS.has(raw.toLowerCase())) continue;
    const dot = raw.indexOf('.');
    const field =
      dot < 0 ? raw : `${raw.slice(0, dot).replace(/Address$/, '')}${raw.slice(dot + 1)}`;
    const component = dot < 0 ? field : raw.slice(dot + 1);
    let listed = false;
    for (const name of [field, component]) {
      if (isStoredField(type, name)) {
        facets.add(name.toLowerCase());
        listed = true;
      }
    }
    if (!listed) facets.add(UNLISTED_FACET);
  }
  return [...facets];
}

/** The fields of a change event an own update's echo is matched on: lower case, none Salesforce set itself. */
export function echoFields(changedFields: readonly string[]): string[] {
  return changedFields
    .map((field) => field.toLowerCase())
    .filter((field) => !CONSEQUENTIAL_FIELDS.has(field));
}
