import type { ObjectDef } from '../model/types';
import {
  currencyField,
  dateField,
  dateTimeField,
  idField,
  picklistField,
  referenceField,
  systemFields,
  textAreaField,
  textField,
  urlField,
} from './field-builders';
import { picklist } from './picklists';

/*
 * The objects the gateway's sync mutations write (issue 10): two custom objects and the
 * standard Case, each keyed by the linked service's id in an external-Id field, so that an
 * upsert by that field is idempotent. Fields follow what a real org reports for a Lookup,
 * Currency(16,2), Text(255), Date/Time and URL custom field.
 */

/** A unique, case-insensitive external Id text field, as "External ID" + "Unique" creates it. */
const externalIdField = (name: string) =>
  textField(name, 255, { custom: true, externalId: true, unique: true });

/** A custom object's Name: Text(80), required, like the "Record Name" a new object gets. */
const nameField = (label: string) => textField('Name', 80, { label, nillable: false });

const accountLookup = () =>
  referenceField('Account__c', 'Account__r', ['Account'], { label: 'Account', custom: true });

export const STRIPE_PAYMENT_OBJECT: ObjectDef = {
  name: 'Stripe_Payment__c',
  label: 'Stripe Payment',
  labelPlural: 'Stripe Payments',
  keyPrefix: 'a0A',
  custom: true,
  queryable: true,
  createable: true,
  updateable: true,
  deletable: true,
  fields: [
    idField(),
    nameField('Stripe Payment Name'),
    externalIdField('Stripe_Payment_Id__c'),
    accountLookup(),
    currencyField('Amount__c', 16, 2),
    currencyField('Amount_Received__c', 16, 2),
    textField('Currency_Code__c', 3),
    textField('Status__c', 40),
    textField('Description__c', 255),
    dateTimeField('Stripe_Created__c', { label: 'Stripe Created' }),
    textField('Stripe_Customer_Id__c', 255),
    textField('Invoice_Number__c', 255),
    urlField('Receipt_Url__c', { label: 'Receipt URL' }),
    ...systemFields({ owner: true, deletable: true }),
  ],
  childRelationships: [],
};

export const QUICKBOOKS_INVOICE_OBJECT: ObjectDef = {
  name: 'QuickBooks_Invoice__c',
  label: 'QuickBooks Invoice',
  labelPlural: 'QuickBooks Invoices',
  keyPrefix: 'a0B',
  custom: true,
  queryable: true,
  createable: true,
  updateable: true,
  deletable: true,
  fields: [
    idField(),
    nameField('QuickBooks Invoice Name'),
    externalIdField('QuickBooks_Invoice_Id__c'),
    accountLookup(),
    textField('Doc_Number__c', 21),
    currencyField('Total__c', 16, 2),
    currencyField('Balance__c', 16, 2),
    textField('Currency_Code__c', 3),
    textField('Status__c', 40),
    dateField('Txn_Date__c', { label: 'Transaction Date' }),
    dateField('Due_Date__c'),
    ...systemFields({ owner: true, deletable: true }),
  ],
  childRelationships: [],
};

/** Case as a Developer Edition org ships it (jsforce standard-schema), plus the sync key. */
export const CASE_OBJECT: ObjectDef = {
  name: 'Case',
  label: 'Case',
  labelPlural: 'Cases',
  keyPrefix: '500',
  custom: false,
  queryable: true,
  createable: true,
  updateable: true,
  deletable: true,
  fields: [
    idField(),
    referenceField('AccountId', 'Account', ['Account'], { label: 'Account ID' }),
    referenceField('ContactId', 'Contact', ['Contact'], { label: 'Contact ID' }),
    textField('Subject', 255),
    textAreaField('Description', 32000),
    picklistField('Status', picklist(['New', 'Working', 'Escalated', 'Closed'], 'New'), {
      defaultedOnCreate: true,
    }),
    picklistField('Priority', picklist(['High', 'Medium', 'Low'], 'Medium'), {
      defaultedOnCreate: true,
    }),
    picklistField('Origin', picklist(['Phone', 'Email', 'Web']), { label: 'Case Origin' }),
    ...systemFields({ owner: true, ownerTo: ['User'], deletable: true }),
    externalIdField('Zendesk_Ticket_Id__c'),
  ],
  childRelationships: [],
};
