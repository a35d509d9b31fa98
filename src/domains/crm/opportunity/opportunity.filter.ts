import { Field, InputType } from 'type-graphql';
import {
  BooleanFilter,
  DateFilter,
  DateTimeFilter,
  FloatFilter,
  IDFilter,
  StringFilter,
} from '../../shared/scalar-filters.input';

@InputType()
export class OpportunityFilter {
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

  @Field(() => DateTimeFilter, { nullable: true })
  createdDate?: DateTimeFilter | null;

  @Field(() => DateTimeFilter, { nullable: true })
  lastModifiedDate?: DateTimeFilter | null;

  @Field(() => [OpportunityFilter], { nullable: true })
  and?: OpportunityFilter[] | null;

  @Field(() => [OpportunityFilter], { nullable: true })
  or?: OpportunityFilter[] | null;

  @Field(() => OpportunityFilter, { nullable: true })
  not?: OpportunityFilter | null;
}
