import { Field, InputType, registerEnumType } from 'type-graphql';
import { NullsOrder, SortDirection } from '../../shared/sort-order.enum';

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
export class OpportunityOrderBy {
  @Field(() => OpportunitySortField)
  field!: OpportunitySortField;

  @Field(() => SortDirection, { nullable: true, defaultValue: SortDirection.ASC })
  direction?: SortDirection | null;

  @Field(() => NullsOrder, { nullable: true })
  nulls?: NullsOrder | null;
}
