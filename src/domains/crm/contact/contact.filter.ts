import { Field, InputType } from 'type-graphql';
import { DateTimeFilter, IDFilter, StringFilter } from '../../shared/scalar-filters.input';

@InputType()
export class ContactFilter {
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

  @Field(() => DateTimeFilter, { nullable: true })
  createdDate?: DateTimeFilter | null;

  @Field(() => DateTimeFilter, { nullable: true })
  lastModifiedDate?: DateTimeFilter | null;

  @Field(() => [ContactFilter], { nullable: true })
  and?: ContactFilter[] | null;

  @Field(() => [ContactFilter], { nullable: true })
  or?: ContactFilter[] | null;

  @Field(() => ContactFilter, { nullable: true })
  not?: ContactFilter | null;
}
