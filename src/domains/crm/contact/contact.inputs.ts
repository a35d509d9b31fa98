import { Field, ID, InputType, type ClassType } from 'type-graphql';
import { AddressInput } from '../../shared/address.input';
import { OWNER_INPUT, picklistNote, REQUIRED_ON_CREATE, WRITE_NULL } from '../common/field-docs';

/** Fields that may not be blank strings on create or update. */
export const CONTACT_REQUIRED_FIELDS = ['lastName'] as const;

/**
 * The fields create and update share, after the required ones that differ in nullability:
 * type-graphql builds the input in class-field order, which the record payload keeps.
 */
function withContactFields<T extends ClassType>(RequiredFields: T) {
  @InputType()
  abstract class ContactFields extends RequiredFields {
    @Field(() => String, { nullable: true, description: `First name. ${WRITE_NULL}` })
    firstName?: string | null;

    @Field(() => String, {
      nullable: true,
      description: `Email address; Salesforce refuses a malformed one (BAD_USER_INPUT). ${WRITE_NULL}`,
    })
    email?: string | null;

    @Field(() => String, { nullable: true, description: `Phone number. ${WRITE_NULL}` })
    phone?: string | null;

    @Field(() => String, { nullable: true, description: `Job title. ${WRITE_NULL}` })
    title?: string | null;

    @Field(() => String, {
      nullable: true,
      description: `Lead source. ${picklistNote('CONTACT', 'leadSource')} ${WRITE_NULL}`,
    })
    leadSource?: string | null;

    @Field(() => ID, {
      nullable: true,
      description: `The Account’s Id; an Id that is not a visible Account is BAD_USER_INPUT. ${WRITE_NULL}`,
    })
    accountId?: string | null;

    @Field(() => AddressInput, {
      nullable: true,
      description: `Mailing address, part by part (see AddressInput). ${WRITE_NULL}`,
    })
    mailingAddress?: AddressInput | null;

    @Field(() => ID, { nullable: true, description: OWNER_INPUT })
    ownerId?: string | null;
  }
  return ContactFields;
}

@InputType()
class ContactCreateRequired {
  @Field(() => String, { description: 'Last name; required, not blank.' })
  lastName!: string;
}

@InputType()
class ContactUpdateRequired {
  @Field(() => String, { nullable: true, description: `Last name. ${REQUIRED_ON_CREATE}` })
  lastName?: string | null;
}

@InputType({ description: 'A new Contact: `lastName` required, every other field optional.' })
export class ContactCreateInput extends withContactFields(ContactCreateRequired) {}

@InputType({
  description:
    'Changes to a Contact: only the fields given are sent to Salesforce; absent fields are left as they are, null clears a field.',
})
export class ContactUpdateInput extends withContactFields(ContactUpdateRequired) {}
