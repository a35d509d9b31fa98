import { Field, InputType, registerEnumType } from 'type-graphql';
import { SortOrderInput } from '../../shared/sort-order.input';

export enum ContactSortField {
  LAST_NAME = 'LAST_NAME',
  FIRST_NAME = 'FIRST_NAME',
  EMAIL = 'EMAIL',
  CREATED_DATE = 'CREATED_DATE',
  LAST_MODIFIED_DATE = 'LAST_MODIFIED_DATE',
}

registerEnumType(ContactSortField, { name: 'ContactSortField' });

@InputType()
export class ContactOrderBy extends SortOrderInput {
  @Field(() => ContactSortField)
  field!: ContactSortField;
}
