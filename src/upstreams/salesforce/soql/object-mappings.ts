import type { AddressParts, ObjectMapping, ScalarKind, SObjectName } from './soql.types';

type FieldMap = Record<string, { soql: string; kind: ScalarKind }>;

const f = (soql: string, kind: ScalarKind = 'string'): { soql: string; kind: ScalarKind } => ({
  soql,
  kind,
});

const address = (prefix: string): AddressParts => ({
  street: `${prefix}Street`,
  city: `${prefix}City`,
  state: `${prefix}State`,
  postalCode: `${prefix}PostalCode`,
  country: `${prefix}Country`,
});

const audit: FieldMap = {
  createdDate: f('CreatedDate', 'datetime'),
  lastModifiedDate: f('LastModifiedDate', 'datetime'),
};

const auditSort: Record<string, string> = {
  CREATED_DATE: 'CreatedDate',
  LAST_MODIFIED_DATE: 'LastModifiedDate',
};

const owner = { owner: { relationship: 'Owner', idField: 'OwnerId', target: 'User' as const } };

/**
 * GraphQL names (contract.graphql) to Salesforce API names. Relationship and field names follow
 * jsforce's generated standard schema (lib/types/standard-schema.d.ts); a unit test checks them.
 */
export const OBJECT_MAPPINGS: Record<SObjectName, ObjectMapping> = {
  Account: {
    sobject: 'Account',
    fields: {
      id: f('Id', 'id'),
      name: f('Name'),
      type: f('Type'),
      industry: f('Industry'),
      website: f('Website'),
      phone: f('Phone'),
      annualRevenue: f('AnnualRevenue', 'float'),
      numberOfEmployees: f('NumberOfEmployees', 'int'),
      ...audit,
    },
    addresses: { billingAddress: address('Billing') },
    parents: {
      parent: { relationship: 'Parent', idField: 'ParentId', target: 'Account' },
      ...owner,
    },
    children: {
      contacts: { relationship: 'Contacts', target: 'Contact', field: 'AccountId' },
      opportunities: { relationship: 'Opportunities', target: 'Opportunity', field: 'AccountId' },
    },
    // Fallbacks: Stripe metadata and Zendesk external_id hold the Account Id; QuickBooks
    // customers match by DisplayName = Account Name.
    linked: {
      payments: [{ link: 'stripeCustomer' }],
      tickets: [{ link: 'zendeskOrganization' }],
      invoices: [{ link: 'quickBooksCustomer' }, { field: 'Name' }],
      customer360: [
        { link: 'stripeCustomer' },
        { link: 'zendeskOrganization' },
        { link: 'quickBooksCustomer' },
        { field: 'Name' },
      ],
    },
    filters: {
      id: f('Id', 'id'),
      name: f('Name'),
      type: f('Type'),
      industry: f('Industry'),
      annualRevenue: f('AnnualRevenue', 'float'),
      numberOfEmployees: f('NumberOfEmployees', 'int'),
      ownerId: f('OwnerId', 'id'),
      parentId: f('ParentId', 'id'),
      ...audit,
    },
    sortFields: {
      NAME: 'Name',
      INDUSTRY: 'Industry',
      ANNUAL_REVENUE: 'AnnualRevenue',
      NUMBER_OF_EMPLOYEES: 'NumberOfEmployees',
      ...auditSort,
    },
  },
  Contact: {
    sobject: 'Contact',
    fields: {
      id: f('Id', 'id'),
      firstName: f('FirstName'),
      lastName: f('LastName'),
      name: f('Name'),
      email: f('Email'),
      phone: f('Phone'),
      title: f('Title'),
      leadSource: f('LeadSource'),
      ...audit,
    },
    addresses: { mailingAddress: address('Mailing') },
    parents: {
      account: { relationship: 'Account', idField: 'AccountId', target: 'Account' },
      ...owner,
    },
    children: {},
    // Zendesk requesters match the Contact by email.
    linked: { tickets: [{ field: 'Email' }] },
    filters: {
      id: f('Id', 'id'),
      accountId: f('AccountId', 'id'),
      firstName: f('FirstName'),
      lastName: f('LastName'),
      email: f('Email'),
      title: f('Title'),
      leadSource: f('LeadSource'),
      ownerId: f('OwnerId', 'id'),
      ...audit,
    },
    sortFields: { LAST_NAME: 'LastName', FIRST_NAME: 'FirstName', EMAIL: 'Email', ...auditSort },
  },
  Opportunity: {
    sobject: 'Opportunity',
    fields: {
      id: f('Id', 'id'),
      name: f('Name'),
      stageName: f('StageName'),
      amount: f('Amount', 'float'),
      probability: f('Probability', 'float'),
      expectedRevenue: f('ExpectedRevenue', 'float'),
      closeDate: f('CloseDate', 'date'),
      type: f('Type'),
      leadSource: f('LeadSource'),
      forecastCategory: f('ForecastCategory'),
      isClosed: f('IsClosed', 'boolean'),
      isWon: f('IsWon', 'boolean'),
      ...audit,
    },
    addresses: {},
    parents: {
      account: { relationship: 'Account', idField: 'AccountId', target: 'Account' },
      ...owner,
    },
    children: {},
    filters: {
      id: f('Id', 'id'),
      accountId: f('AccountId', 'id'),
      name: f('Name'),
      stageName: f('StageName'),
      amount: f('Amount', 'float'),
      probability: f('Probability', 'float'),
      closeDate: f('CloseDate', 'date'),
      type: f('Type'),
      leadSource: f('LeadSource'),
      isClosed: f('IsClosed', 'boolean'),
      isWon: f('IsWon', 'boolean'),
      ownerId: f('OwnerId', 'id'),
      ...audit,
    },
    sortFields: {
      NAME: 'Name',
      AMOUNT: 'Amount',
      CLOSE_DATE: 'CloseDate',
      STAGE_NAME: 'StageName',
      PROBABILITY: 'Probability',
      ...auditSort,
    },
  },
  Lead: {
    sobject: 'Lead',
    fields: {
      id: f('Id', 'id'),
      firstName: f('FirstName'),
      lastName: f('LastName'),
      name: f('Name'),
      company: f('Company'),
      title: f('Title'),
      email: f('Email'),
      phone: f('Phone'),
      status: f('Status'),
      leadSource: f('LeadSource'),
      industry: f('Industry'),
      rating: f('Rating'),
      annualRevenue: f('AnnualRevenue', 'float'),
      isConverted: f('IsConverted', 'boolean'),
      convertedDate: f('ConvertedDate', 'date'),
      ...audit,
    },
    addresses: {},
    parents: {
      convertedAccount: {
        relationship: 'ConvertedAccount',
        idField: 'ConvertedAccountId',
        target: 'Account',
      },
      convertedContact: {
        relationship: 'ConvertedContact',
        idField: 'ConvertedContactId',
        target: 'Contact',
      },
      convertedOpportunity: {
        relationship: 'ConvertedOpportunity',
        idField: 'ConvertedOpportunityId',
        target: 'Opportunity',
      },
      ...owner,
    },
    children: {},
    filters: {
      id: f('Id', 'id'),
      company: f('Company'),
      email: f('Email'),
      status: f('Status'),
      leadSource: f('LeadSource'),
      industry: f('Industry'),
      rating: f('Rating'),
      isConverted: f('IsConverted', 'boolean'),
      ownerId: f('OwnerId', 'id'),
      ...audit,
    },
    sortFields: { LAST_NAME: 'LastName', COMPANY: 'Company', STATUS: 'Status', ...auditSort },
  },
  User: {
    sobject: 'User',
    fields: {
      id: f('Id', 'id'),
      name: f('Name'),
      email: f('Email'),
      isActive: f('IsActive', 'boolean'),
    },
    addresses: {},
    parents: {},
    children: {},
    filters: {
      id: f('Id', 'id'),
      name: f('Name'),
      email: f('Email'),
      isActive: f('IsActive', 'boolean'),
      ...audit,
    },
    sortFields: { NAME: 'Name', EMAIL: 'Email', ...auditSort },
  },
};

const kindsByObject = new Map<SObjectName, Map<string, ScalarKind>>();
let revision = 0;

/**
 * Bumped when custom fields are registered: the indexes derived from the mappings (here, in
 * graph-field-names and the domain's record readers) rebuild when they see a new revision.
 */
export function mappingsRevision(): number {
  return revision;
}

export function resetMappingIndexes(): void {
  kindsByObject.clear();
  revision += 1;
}

/** The scalar kind of a top-level SOQL field of `object` (case-insensitive), if the mappings know it. */
export function soqlFieldKind(object: SObjectName, soqlField: string): ScalarKind | undefined {
  let kinds = kindsByObject.get(object);
  if (!kinds) {
    kinds = new Map<string, ScalarKind>([['id', 'id']]);
    const mapping = OBJECT_MAPPINGS[object];
    for (const entry of [
      ...Object.values(mapping.fields),
      ...Object.values(mapping.filters),
      ...Object.values(mapping.custom ?? {}),
    ]) {
      kinds.set(entry.soql.toLowerCase(), entry.kind);
    }
    for (const parent of Object.values(mapping.parents))
      kinds.set(parent.idField.toLowerCase(), 'id');
    kindsByObject.set(object, kinds);
  }
  return kinds.get(soqlField.toLowerCase());
}
