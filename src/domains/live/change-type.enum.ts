import { registerEnumType } from 'type-graphql';

export enum ChangeType {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
  UNDELETE = 'UNDELETE',
  GAP = 'GAP',
}

registerEnumType(ChangeType, {
  name: 'ChangeType',
  description: 'What happened to the records of a `RecordChange`.',
  valuesConfig: {
    CREATE: { description: 'Records were created (or appeared through a conversion).' },
    UPDATE: { description: 'Fields of records changed; `changedFields` names them.' },
    DELETE: { description: 'Records were deleted (moved to the recycle bin); `record` is null.' },
    UNDELETE: { description: 'Records were restored from the recycle bin.' },
    GAP: {
      description:
        "Changes happened that the gateway cannot describe: Salesforce could not say exactly what changed (a GAP_* or GAP_OVERFLOW event) and the records could not be re-read, your access to a change could not be checked, or the gateway's change fan-out was interrupted (its Redis restarted) and changes may have been missed. `recordIds` is empty unless it names the records concerned: refetch what you show.",
    },
  },
});
