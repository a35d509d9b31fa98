import { Field, ID, InputType } from 'type-graphql';
import { AddressInput } from '../../shared/address.input';

/** Fields that may not be blank strings on create or update. */
export const CONTACT_REQUIRED_FIELDS = ['lastName'] as const;

@InputType()
export class ContactCreateInput {
  @Field(() => String)
  lastName!: string;

  @Field(() => String, { nullable: true })
  firstName?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  leadSource?: string | null;

  @Field(() => ID, { nullable: true })
  accountId?: string | null;

  @Field(() => AddressInput, { nullable: true })
  mailingAddress?: AddressInput | null;

  @Field(() => ID, { nullable: true })
  ownerId?: string | null;
}

@InputType()
export class ContactUpdateInput {
  @Field(() => String, { nullable: true })
  lastName?: string | null;

  @Field(() => String, { nullable: true })
  firstName?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  leadSource?: string | null;

  @Field(() => ID, { nullable: true })
  accountId?: string | null;

  @Field(() => AddressInput, { nullable: true })
  mailingAddress?: AddressInput | null;

  @Field(() => ID, { nullable: true })
  ownerId?: string | null;
}
