import { registerEnumType } from 'type-graphql';

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

export enum NullsOrder {
  FIRST = 'FIRST',
  LAST = 'LAST',
}

registerEnumType(SortDirection, { name: 'SortDirection' });
registerEnumType(NullsOrder, { name: 'NullsOrder' });
