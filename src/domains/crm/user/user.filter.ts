import { Field, InputType, type ClassType } from 'type-graphql';
import { withRecordFilterFields } from '../common/record-filter.input';
import { BooleanFilter, IDFilter, StringFilter } from '../../shared/scalar-filters.input';

/** What only User filters on; `withRecordFilterFields` appends the shared fields after it. */
@InputType()
class UserOwnFilterFields {
  @Field(() => IDFilter, { nullable: true, description: 'The User Id (005…).' })
  id?: IDFilter | null;

  @Field(() => StringFilter, {
    nullable: true,
    description:
      'Full name (Salesforce `Name`, first and last name); `like` is case-insensitive, e.g. `{ like: "%patel%" }`.',
  })
  name?: StringFilter | null;

  @Field(() => StringFilter, {
    nullable: true,
    description: 'Email address; `like` is case-insensitive, e.g. `{ like: "%@example.com" }`.',
  })
  email?: StringFilter | null;

  @Field(() => BooleanFilter, {
    nullable: true,
    description:
      '`eq: true`: users who can sign in and own records; deactivated users keep the records they own.',
  })
  isActive?: BooleanFilter | null;
}

@InputType({
  description:
    'Conditions on Users, ANDed together (every field given must match). A null or absent field does not constrain.',
})
export class UserFilter extends withRecordFilterFields(
  UserOwnFilterFields,
  (): ClassType => UserFilter,
) {}
