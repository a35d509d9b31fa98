import { Field, InputType, registerEnumType } from 'type-graphql';
import { SortOrderInput } from '../../shared/sort-order.input';

export enum AccountSortField {
  NAME = 'NAME',
  INDUSTRY = 'INDUSTRY',
  ANNUAL_REVENUE = 'ANNUAL_REVENUE',
  NUMBER_OF_EMPLOYEES = 'NUMBER_OF_EMPLOYEES',
  CREATED_DATE = 'CREATED_DATE',
  LAST_MODIFIED_DATE = 'LAST_MODIFIED_DATE',
}

registerEnumType(AccountSortField, { name: 'AccountSortField' });

@InputType()
export class AccountOrderBy extends SortOrderInput {
  @Field(() => AccountSortField)
  field!: AccountSortField;
}
