import { Field, InputType, type ClassType } from 'type-graphql';
import { withRecordFilterFields } from '../common/record-filter.input';
import { IDFilter, StringFilter } from '../../shared/scalar-filters.input';

/** What only Contact filters on; `withRecordFilterFields` appends the shared fields after it. */
@InputType()
class ContactOwnFilterFields {
  @Field(() => IDFilter, { nullable: true })
  id?: IDFilter | null;

  @Field(() => IDFilter, { nullable: true })
  accountId?: IDFilter | null;

  @Field(() => StringFilter, { nullable: true })
  firstName?: StringFilter | null;

  @Field(() => StringFilter, { nullable: true })
  lastName?: StringFilter | null;

  @Field(() => StringFilter, { nullable: true })
  email?: StringFilter | null;

  @Field(() => StringFilter, { nullable: true })
  title?: StringFilter | null;

  @Field(() => StringFilter, { nullable: true })
  leadSource?: StringFilter | null;

  @Field(() => IDFilter, { nullable: true })
  ownerId?: IDFilter | null;
}

@InputType()
export class ContactFilter extends withRecordFilterFields(
  ContactOwnFilterFields,
  (): ClassType => ContactFilter,
) {}
