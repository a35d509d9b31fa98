import type { ObjectDef } from '../model/types';
import { ACCOUNT_CUSTOM_FIELDS } from './custom-fields';
import {
  addressFields,
  currencyField,
  idField,
  intField,
  phoneField,
  picklistField,
  referenceField,
  systemFields,
  textAreaField,
  textField,
  urlField,
} from './field-builders';
import { ACCOUNT_TYPES, INDUSTRIES, LEAD_SOURCES, picklist } from './picklists';

/** The external-Id link fields the gateway joins the other services on (ARCHITECTURE.md). */
const linkField = (name: string) =>
  textField(name, 255, { custom: true, externalId: true, unique: true });

export const ACCOUNT_OBJECT: ObjectDef = {
  name: 'Account',
  label: 'Account',
  labelPlural: 'Accounts',
  keyPrefix: '001',
  custom: false,
  queryable: true,
  createable: true,
  updateable: true,
  deletable: true,
  fields: [
    idField(),
    textField('Name', 255, { label: 'Account Name', nillable: false }),
    picklistField('Type', picklist(ACCOUNT_TYPES), { label: 'Account Type' }),
    referenceField('ParentId', 'Parent', ['Account'], { label: 'Parent Account ID' }),
    ...addressFields('Billing'),
    phoneField('Phone', { label: 'Account Phone' }),
    urlField('Website'),
    picklistField('Industry', picklist(INDUSTRIES)),
    currencyField('AnnualRevenue', 18, 0),
    intField('NumberOfEmployees', 8, { label: 'Employees' }),
    textAreaField('Description', 32000, { label: 'Account Description' }),
    picklistField('AccountSource', picklist(LEAD_SOURCES), { label: 'Account Source' }),
    ...systemFields({ owner: true, deletable: true }),
    linkField('Stripe_Customer_Id__c'),
    linkField('Zendesk_Organization_Id__c'),
    linkField('QuickBooks_Customer_Id__c'),
    ...ACCOUNT_CUSTOM_FIELDS,
  ],
  childRelationships: [
    {
      childSObject: 'Account',
      field: 'ParentId',
      relationshipName: 'ChildAccounts',
      cascadeDelete: false,
    },
    {
      childSObject: 'Contact',
      field: 'AccountId',
      relationshipName: 'Contacts',
      cascadeDelete: false,
    },
    {
      childSObject: 'Opportunity',
      field: 'AccountId',
      relationshipName: 'Opportunities',
      cascadeDelete: false,
    },
    { childSObject: 'Case', field: 'AccountId', relationshipName: 'Cases', cascadeDelete: false },
    {
      childSObject: 'Stripe_Payment__c',
      field: 'Account__c',
      relationshipName: 'Stripe_Payments__r',
      cascadeDelete: false,
    },
    {
      childSObject: 'QuickBooks_Invoice__c',
      field: 'Account__c',
      relationshipName: 'QuickBooks_Invoices__r',
      cascadeDelete: false,
    },
  ],
};
