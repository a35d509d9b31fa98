import { Field, InputType, type ClassType } from 'type-graphql';
import { withRecordFilterFields } from '../common/record-filter.input';
import { BooleanFilter, IDFilter, StringFilter } from '../../shared/scalar-filters.input';

/** What only Lead filters on; `withRecordFilterFields` appends the shared fields after it. */
@InputType()
class LeadOwnFilterFields {
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
}

@InputType()
export class LeadFilter extends withRecordFilterFields(
  LeadOwnFilterFields,
  (): ClassType => LeadFilter,
) {}
