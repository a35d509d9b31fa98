import { Field, InputType, type ClassType } from 'type-graphql';
import { withRecordFilterFields } from '../common/record-filter.input';
import { picklistNote } from '../common/field-docs';
import { IDFilter, StringFilter } from '../../shared/scalar-filters.input';

/** What only Contact filters on; `withRecordFilterFields` appends the shared fields after it. */
@InputType()
class ContactOwnFilterFields {
  @Field(() => IDFilter, { nullable: true, description: 'The Contact Id.' })
  id?: IDFilter | null;

  @Field(() => IDFilter, {
    nullable: true,
    description: 'The Account’s Id; `isNull: true` for contacts without an account.',
  })
  accountId?: IDFilter | null;

  @Field(() => StringFilter, {
    nullable: true,
    description: 'First name; `like` is case-insensitive.',
  })
  firstName?: StringFilter | null;

  @Field(() => StringFilter, {
    nullable: true,
    description: 'Last name; `like` is case-insensitive.',
  })
  lastName?: StringFilter | null;

  @Field(() => StringFilter, {
    nullable: true,
    description: 'Email address; `like` is case-insensitive.',
  })
  email?: StringFilter | null;

  @Field(() => StringFilter, { nullable: true, description: 'Job title.' })
  title?: StringFilter | null;

  @Field(() => StringFilter, {
    nullable: true,
    description: `Lead source. ${picklistNote('CONTACT', 'leadSource')}`,
  })
  leadSource?: StringFilter | null;

  @Field(() => IDFilter, { nullable: true, description: 'The owning User’s Id (see `users`).' })
  ownerId?: IDFilter | null;
}

@InputType({
  description:
    'Conditions on Contacts, ANDed together (every field given must match), compiled to one SOQL WHERE. A null or absent field does not constrain; combine with `and`, `or`, `not`.',
})
export class ContactFilter extends withRecordFilterFields(
  ContactOwnFilterFields,
  (): ClassType => ContactFilter,
) {}
