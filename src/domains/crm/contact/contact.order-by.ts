import { Field, InputType, registerEnumType } from 'type-graphql';
import { NullsOrder, SortDirection } from '../../shared/sort-order.enum';

export enum ContactSortField {
  LAST_NAME = 'LAST_NAME',
  FIRST_NAME = 'FIRST_NAME',
  EMAIL = 'EMAIL',
  CREATED_DATE = 'CREATED_DATE',
  LAST_MODIFIED_DATE = 'LAST_MODIFIED_DATE',
}

registerEnumType(ContactSortField, { name: 'ContactSortField' });

@InputType()
export class ContactOrderBy {
  @Field(() => ContactSortField)
  field!: ContactSortField;

  @Field(() => SortDirection, { nullable: true, defaultValue: SortDirection.ASC })
  direction?: SortDirection | null;

  @Field(() => NullsOrder, { nullable: true })
  nulls?: NullsOrder | null;
}
