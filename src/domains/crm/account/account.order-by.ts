import { Field, InputType, registerEnumType } from 'type-graphql';
import { NullsOrder, SortDirection } from '../../shared/sort-order.enum';

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
export class AccountOrderBy {
  @Field(() => AccountSortField)
  field!: AccountSortField;

  @Field(() => SortDirection, { nullable: true, defaultValue: SortDirection.ASC })
  direction?: SortDirection | null;

  @Field(() => NullsOrder, { nullable: true })
  nulls?: NullsOrder | null;
}
