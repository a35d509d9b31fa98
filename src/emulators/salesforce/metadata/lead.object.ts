import type { ObjectDef } from '../model/types';
import { LEAD_CUSTOM_FIELDS } from './custom-fields';
import {
  addressFields,
  booleanField,
  currencyField,
  dateField,
  emailField,
  idField,
  intField,
  phoneField,
  picklistField,
  referenceField,
  systemFields,
  textAreaField,
  textField,
} from './field-builders';
import {
  DEFAULT_LEAD_STATUS,
  INDUSTRIES,
  LEAD_SOURCES,
  LEAD_STATUSES,
  RATINGS,
  picklist,
} from './picklists';

/** Set only by lead conversion, never through create/update. */
const convertedOnly = { createable: false, updateable: false };

export const LEAD_OBJECT: ObjectDef = {
  name: 'Lead',
  label: 'Lead',
  labelPlural: 'Leads',
  keyPrefix: '00Q',
  custom: false,
  queryable: true,
  createable: true,
  updateable: true,
  deletable: true,
  fields: [
    idField(),
    textField('LastName', 80, { nillable: false }),
    textField('FirstName', 40),
    textField('Name', 121, { label: 'Full Name', nillable: false, calculated: true }),
    textField('Title', 128),
    textField('Company', 255, { nillable: false }),
    ...addressFields(''),
    phoneField('Phone'),
    emailField('Email'),
    textAreaField('Description', 32000),
    picklistField('LeadSource', picklist(LEAD_SOURCES), { label: 'Lead Source' }),
    // Required, but the org fills in the default status when it is omitted.
    picklistField('Status', picklist(LEAD_STATUSES, DEFAULT_LEAD_STATUS), {
      nillable: false,
      defaultedOnCreate: true,
    }),
    picklistField('Industry', picklist(INDUSTRIES)),
    picklistField('Rating', picklist(RATINGS)),
    currencyField('AnnualRevenue', 18, 0),
    intField('NumberOfEmployees', 8, { label: 'Employees' }),
    // Lead owners may be queues, hence the polymorphic reference.
    ...systemFields({ owner: true, ownerTo: ['Group', 'User'], deletable: true }),
    booleanField('IsConverted', { label: 'Converted', updateable: false }),
    dateField('ConvertedDate', convertedOnly),
    referenceField('ConvertedAccountId', 'ConvertedAccount', ['Account'], convertedOnly),
    referenceField('ConvertedContactId', 'ConvertedContact', ['Contact'], convertedOnly),
    referenceField(
      'ConvertedOpportunityId',
      'ConvertedOpportunity',
      ['Opportunity'],
      convertedOnly,
    ),
    ...LEAD_CUSTOM_FIELDS,
  ],
  childRelationships: [],
};
