import { Field, InputType, registerEnumType } from 'type-graphql';
import { SortOrderInput } from '../../shared/sort-order.input';

export enum OpportunitySortField {
  NAME = 'NAME',
  AMOUNT = 'AMOUNT',
  CLOSE_DATE = 'CLOSE_DATE',
  STAGE_NAME = 'STAGE_NAME',
  PROBABILITY = 'PROBABILITY',
  CREATED_DATE = 'CREATED_DATE',
  LAST_MODIFIED_DATE = 'LAST_MODIFIED_DATE',
}

registerEnumType(OpportunitySortField, { name: 'OpportunitySortField' });

@InputType()
export class OpportunityOrderBy extends SortOrderInput {
  @Field(() => OpportunitySortField)
  field!: OpportunitySortField;
}
