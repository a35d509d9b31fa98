import { Field, ID, InputType, type ClassType } from 'type-graphql';
import { AddressInput } from '../../shared/address.input';

/** Fields that may not be blank strings on create or update. */
export const CONTACT_REQUIRED_FIELDS = ['lastName'] as const;

/**
 * The fields create and update share, after the required ones that differ in nullability:
 * type-graphql builds the input in class-field order, which the record payload keeps.
 */
function withContactFields<T extends ClassType>(RequiredFields: T) {
  @InputType()
  abstract class ContactFields extends RequiredFields {
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
  return ContactFields;
}

@InputType()
class ContactCreateRequired {
  @Field(() => String)
  lastName!: string;
}

@InputType()
class ContactUpdateRequired {
  @Field(() => String, { nullable: true })
  lastName?: string | null;
}

@InputType()
export class ContactCreateInput extends withContactFields(ContactCreateRequired) {}

@InputType()
export class ContactUpdateInput extends withContactFields(ContactUpdateRequired) {}
