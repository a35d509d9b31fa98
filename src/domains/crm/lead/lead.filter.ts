import { Field, InputType, type ClassType } from 'type-graphql';
import { withRecordFilterFields } from '../common/record-filter.input';
import { picklistNote } from '../common/field-docs';
import { BooleanFilter, IDFilter, StringFilter } from '../../shared/scalar-filters.input';

/** What only Lead filters on; `withRecordFilterFields` appends the shared fields after it. */
@InputType()
class LeadOwnFilterFields {
  @Field(() => IDFilter, { nullable: true, description: 'The Lead Id.' })
  id?: IDFilter | null;

  @Field(() => StringFilter, {
    nullable: true,
    description: 'Company; `like` is case-insensitive.',
  })
  company?: StringFilter | null;

  @Field(() => StringFilter, {
    nullable: true,
    description: 'Email address; `like` is case-insensitive.',
  })
  email?: StringFilter | null;

  @Field(() => StringFilter, {
    nullable: true,
    description: `Lead status. ${picklistNote('LEAD', 'status')}`,
  })
  status?: StringFilter | null;

  @Field(() => StringFilter, {
    nullable: true,
    description: `Lead source. ${picklistNote('LEAD', 'leadSource')}`,
  })
  leadSource?: StringFilter | null;

  @Field(() => StringFilter, {
    nullable: true,
    description: `Industry. ${picklistNote('LEAD', 'industry')}`,
  })
  industry?: StringFilter | null;

  @Field(() => StringFilter, {
    nullable: true,
    description: `Rating. ${picklistNote('LEAD', 'rating')}`,
  })
  rating?: StringFilter | null;

  @Field(() => BooleanFilter, { nullable: true, description: 'Converted or not.' })
  isConverted?: BooleanFilter | null;

  @Field(() => IDFilter, { nullable: true, description: 'The owning User’s Id (see `users`).' })
  ownerId?: IDFilter | null;
}

@InputType({
  description:
    'Conditions on Leads, ANDed together (every field given must match), compiled to one SOQL WHERE. A null or absent field does not constrain; combine with `and`, `or`, `not`.',
})
export class LeadFilter extends withRecordFilterFields(
  LeadOwnFilterFields,
  (): ClassType => LeadFilter,
) {}
