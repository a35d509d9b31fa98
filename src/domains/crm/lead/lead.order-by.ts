import { Field, InputType, registerEnumType } from 'type-graphql';
import { NullsOrder, SortDirection } from '../../shared/sort-order.enum';

export enum LeadSortField {
  LAST_NAME = 'LAST_NAME',
  COMPANY = 'COMPANY',
  STATUS = 'STATUS',
  CREATED_DATE = 'CREATED_DATE',
  LAST_MODIFIED_DATE = 'LAST_MODIFIED_DATE',
}

registerEnumType(LeadSortField, { name: 'LeadSortField' });

@InputType()
export class LeadOrderBy {
  @Field(() => LeadSortField)
  field!: LeadSortField;

  @Field(() => SortDirection, { nullable: true, defaultValue: SortDirection.ASC })
  direction?: SortDirection | null;

  @Field(() => NullsOrder, { nullable: true })
  nulls?: NullsOrder | null;
}
