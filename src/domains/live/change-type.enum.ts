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
    GAP: {
      description:
        'Salesforce could not say exactly what changed (a GAP_* or GAP_OVERFLOW event) and the records could not be re-read: refetch what you show.',
    },
  },
});
