import { Field, InputType, type ClassType } from 'type-graphql';
import { withRecordFilterFields } from '../common/record-filter.input';
import { picklistNote, SALESFORCE_MONEY } from '../common/field-docs';
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
  @Field(() => IDFilter, { nullable: true, description: 'The Opportunity Id.' })
  id?: IDFilter | null;

  @Field(() => IDFilter, { nullable: true, description: 'The Account’s Id.' })
  accountId?: IDFilter | null;

  @Field(() => StringFilter, {
    nullable: true,
    description: 'Opportunity name; `like` is case-insensitive.',
  })
  name?: StringFilter | null;

  @Field(() => StringFilter, {
    nullable: true,
    description: `Stage. ${picklistNote('OPPORTUNITY', 'stageName')}`,
  })
  stageName?: StringFilter | null;

  @Field(() => FloatFilter, { nullable: true, description: `Deal amount. ${SALESFORCE_MONEY}` })
  amount?: FloatFilter | null;

  @Field(() => FloatFilter, { nullable: true, description: 'Probability in percent, 0 to 100.' })
  probability?: FloatFilter | null;

  @Field(() => DateFilter, {
    nullable: true,
    description: 'Close date; `relative` takes SOQL date literals such as THIS_QUARTER.',
  })
  closeDate?: DateFilter | null;

  @Field(() => StringFilter, {
    nullable: true,
    description: `Opportunity type. ${picklistNote('OPPORTUNITY', 'type')}`,
  })
  type?: StringFilter | null;

  @Field(() => StringFilter, {
    nullable: true,
    description: `Lead source. ${picklistNote('OPPORTUNITY', 'leadSource')}`,
  })
  leadSource?: StringFilter | null;

  @Field(() => BooleanFilter, { nullable: true, description: 'Closed (won or lost) or open.' })
  isClosed?: BooleanFilter | null;

  @Field(() => BooleanFilter, { nullable: true, description: 'Won or not.' })
  isWon?: BooleanFilter | null;

  @Field(() => IDFilter, { nullable: true, description: 'The owning User’s Id (see `users`).' })
  ownerId?: IDFilter | null;
}

@InputType({
  description:
    'Conditions on Opportunitys, ANDed together (every field given must match), compiled to one SOQL WHERE. A null or absent field does not constrain; combine with `and`, `or`, `not`.',
})
export class OpportunityFilter extends withRecordFilterFields(
  OpportunityOwnFilterFields,
  (): ClassType => OpportunityFilter,
) {}
