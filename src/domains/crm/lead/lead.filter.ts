import { Field, InputType } from 'type-graphql';
import {
  BooleanFilter,
  DateTimeFilter,
  IDFilter,
  StringFilter,
} from '../../shared/scalar-filters.input';

@InputType()
export class LeadFilter {
  @Field(() => IDFilter, { nullable: true })
  id?: IDFilter | null;

  @Field(() => StringFilter, { nullable: true })
  company?: StringFilter | null;

  @Field(() => StringFilter, { nullable: true })
  email?: StringFilter | null;

  @Field(() => StringFilter, { nullable: true })
  status?: StringFilter | null;

  @Field(() => StringFilter, { nullable: true })
  leadSource?: StringFilter | null;

  @Field(() => StringFilter, { nullable: true })
  industry?: StringFilter | null;

  @Field(() => StringFilter, { nullable: true })
  rating?: StringFilter | null;

  @Field(() => BooleanFilter, { nullable: true })
  isConverted?: BooleanFilter | null;

  @Field(() => IDFilter, { nullable: true })
  ownerId?: IDFilter | null;

  @Field(() => DateTimeFilter, { nullable: true })
  createdDate?: DateTimeFilter | null;

  @Field(() => DateTimeFilter, { nullable: true })
  lastModifiedDate?: DateTimeFilter | null;

  @Field(() => [LeadFilter], { nullable: true })
  and?: LeadFilter[] | null;

  @Field(() => [LeadFilter], { nullable: true })
  or?: LeadFilter[] | null;

  @Field(() => LeadFilter, { nullable: true })
  not?: LeadFilter | null;
}
