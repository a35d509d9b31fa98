import { registerEnumType } from 'type-graphql';

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

export enum NullsOrder {
  FIRST = 'FIRST',
  LAST = 'LAST',
}

registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: 'Sort direction of one sort key (SOQL ASC/DESC).',
  valuesConfig: {
    ASC: { description: 'Smallest first (A to Z, oldest first).' },
    DESC: { description: 'Largest first (Z to A, newest first).' },
  },
});
registerEnumType(NullsOrder, {
  name: 'NullsOrder',
  description:
    'Where records with an empty sort field go (SOQL NULLS FIRST/LAST). Absent: Salesforce’s default, first for ASC and last for DESC.',
  valuesConfig: {
    FIRST: { description: 'Empty values before the others.' },
    LAST: { description: 'Empty values after the others.' },
  },
});
