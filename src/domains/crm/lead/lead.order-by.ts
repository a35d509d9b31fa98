import { Field, InputType, registerEnumType } from 'type-graphql';
import { SortOrderInput } from '../../shared/sort-order.input';

export enum LeadSortField {
  LAST_NAME = 'LAST_NAME',
  COMPANY = 'COMPANY',
  STATUS = 'STATUS',
  CREATED_DATE = 'CREATED_DATE',
  LAST_MODIFIED_DATE = 'LAST_MODIFIED_DATE',
}

registerEnumType(LeadSortField, { name: 'LeadSortField' });

@InputType()
export class LeadOrderBy extends SortOrderInput {
  @Field(() => LeadSortField)
  field!: LeadSortField;
}
