import type { EmulatorUser, ObjectDef, SObjectRecord } from '../model/types';
import { personName } from './derived-fields';

/** When the demo users were "created": before any seeded record. */
const USERS_CREATED = '2020-01-01T00:00:00.000Z';

/** The queryable User row for an emulator user (the password and permissions stay private). */
export function userRecord(
  user: EmulatorUser,
  createdById: string,
  objectDef: ObjectDef | undefined,
): SObjectRecord {
  const row: SObjectRecord = { Id: user.Id };
  for (const field of objectDef?.fields ?? []) {
    if (field.name !== 'Id') row[field.name] = field.type === 'boolean' ? false : null;
  }
  return Object.assign(row, {
    Username: user.Username,
    FirstName: user.FirstName,
    LastName: user.LastName,
    Name: user.Name || personName(user.FirstName, user.LastName),
    Email: user.Email,
    IsActive: user.IsActive,
    CreatedDate: USERS_CREATED,
    CreatedById: createdById,
    LastModifiedDate: USERS_CREATED,
    LastModifiedById: createdById,
    SystemModstamp: USERS_CREATED,
  });
}
