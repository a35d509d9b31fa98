import { Field, InputType, type ClassType } from 'type-graphql';
import { withRecordFilterFields } from '../common/record-filter.input';
import {
  BooleanFilter,
  DateFilter,
  FloatFilter,
  IDFilter,
  StringFilter,
} from '../../shared/scalar-filters.input';

/** What only Opportunity filters on; `withRecordFilterFields` appends the shared fields after it. */
@InputType()
class OpportunityOwnFilterFields {
  @Field(() => IDFilter, { nullable: true })
  id?: IDFilter | null;

  @Field(() => IDFilter, { nullable: true })
  accountId?: IDFilter | null;

  @Field(() => StringFilter, { nullable: true })
  name?: StringFilter | null;

  @Field(() => StringFilter, { nullable: true })
  stageName?: StringFilter | null;

  @Field(() => FloatFilter, { nullable: true })
  amount?: FloatFilter | null;

  @Field(() => FloatFilter, { nullable: true })
  probability?: FloatFilter | null;

  @Field(() => DateFilter, { nullable: true })
  closeDate?: DateFilter | null;

  @Field(() => StringFilter, { nullable: true })
  type?: StringFilter | null;

  @Field(() => StringFilter, { nullable: true })
  leadSource?: StringFilter | null;

  @Field(() => BooleanFilter, { nullable: true })
  isClosed?: BooleanFilter | null;

  @Field(() => BooleanFilter, { nullable: true })
  isWon?: BooleanFilter | null;

  @Field(() => IDFilter, { nullable: true })
  ownerId?: IDFilter | null;
}

@InputType()
export class OpportunityFilter extends withRecordFilterFields(
  OpportunityOwnFilterFields,
  (): ClassType => OpportunityFilter,
) {}
