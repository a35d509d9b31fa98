import type { ObjectDef } from '../model/types';
import { booleanField, emailField, idField, systemFields, textField } from './field-builders';

/** Users have no owner and cannot be deleted (only deactivated), so no OwnerId or IsDeleted. */
export const USER_OBJECT: ObjectDef = {
  name: 'User',
  label: 'User',
  labelPlural: 'Users',
  keyPrefix: '005',
  custom: false,
  queryable: true,
  createable: true,
  updateable: true,
  deletable: false,
  fields: [
    idField(),
    textField('Username', 80, { nillable: false, unique: true }),
    textField('LastName', 80, { nillable: false }),
    textField('FirstName', 40),
    textField('Name', 121, { label: 'Full Name', nillable: false, calculated: true }),
    emailField('Email', { nillable: false, length: 128 }),
    booleanField('IsActive', { label: 'Active' }),
    ...systemFields({ owner: false, deletable: false }),
  ],
  childRelationships: [],
};
