import type { ObjectDef } from '../model/types';
import { CONTACT_CUSTOM_FIELDS } from './custom-fields';
import {
  addressFields,
  emailField,
  idField,
  phoneField,
  picklistField,
  referenceField,
  systemFields,
  textAreaField,
  textField,
} from './field-builders';
import { LEAD_SOURCES, picklist } from './picklists';

export const CONTACT_OBJECT: ObjectDef = {
  name: 'Contact',
  label: 'Contact',
  labelPlural: 'Contacts',
  keyPrefix: '003',
  custom: false,
  queryable: true,
  createable: true,
  updateable: true,
  deletable: true,
  fields: [
    idField(),
    referenceField('AccountId', 'Account', ['Account'], { label: 'Account ID' }),
    textField('LastName', 80, { nillable: false }),
    textField('FirstName', 40),
    // FirstName + LastName, kept by the org.
    textField('Name', 121, { label: 'Full Name', nillable: false, calculated: true }),
    ...addressFields('Mailing'),
    phoneField('Phone', { label: 'Business Phone' }),
    emailField('Email'),
    textField('Title', 128),
    picklistField('LeadSource', picklist(LEAD_SOURCES), { label: 'Lead Source' }),
    textAreaField('Description', 32000, { label: 'Contact Description' }),
    ...systemFields({ owner: true, deletable: true }),
    ...CONTACT_CUSTOM_FIELDS,
  ],
  childRelationships: [
    { childSObject: 'Case', field: 'ContactId', relationshipName: 'Cases', cascadeDelete: false },
  ],
};
