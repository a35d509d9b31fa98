import { Field, Float, ID, InputType, Int, type ClassType } from 'type-graphql';
import { AddressInput } from '../../shared/address.input';
import {
  OWNER_INPUT,
  picklistNote,
  REQUIRED_ON_CREATE,
  SALESFORCE_MONEY,
  WRITE_NULL,
} from '../common/field-docs';

/** Fields that may not be blank strings on create or update. */
export const ACCOUNT_REQUIRED_FIELDS = ['name'] as const;

/**
 * The fields create and update share, after the required ones that differ in nullability:
 * type-graphql builds the input in class-field order, which the record payload keeps.
 */
function withAccountFields<T extends ClassType>(RequiredFields: T) {
  @InputType()
  abstract class AccountFields extends RequiredFields {
    @Field(() => String, {
      nullable: true,
      description: `Account type. ${picklistNote('ACCOUNT', 'type')} ${WRITE_NULL}`,
    })
    type?: string | null;

    @Field(() => String, {
      nullable: true,
      description: `Industry. ${picklistNote('ACCOUNT', 'industry')} ${WRITE_NULL}`,
    })
    industry?: string | null;

    @Field(() => String, { nullable: true, description: `Website URL. ${WRITE_NULL}` })
    website?: string | null;

    @Field(() => String, { nullable: true, description: `Main phone. ${WRITE_NULL}` })
    phone?: string | null;

    @Field(() => Float, {
      nullable: true,
      description: `Annual revenue. ${SALESFORCE_MONEY} ${WRITE_NULL}`,
    })
    annualRevenue?: number | null;

    @Field(() => Int, { nullable: true, description: `Number of employees. ${WRITE_NULL}` })
    numberOfEmployees?: number | null;

    @Field(() => AddressInput, {
      nullable: true,
      description: `Billing address, part by part (see AddressInput). ${WRITE_NULL}`,
    })
    billingAddress?: AddressInput | null;

    @Field(() => ID, {
      nullable: true,
      description: `The parent Account’s Id; an Id that is not a visible Account is BAD_USER_INPUT. ${WRITE_NULL}`,
    })
    parentId?: string | null;

    @Field(() => ID, { nullable: true, description: OWNER_INPUT })
    ownerId?: string | null;
  }
  return AccountFields;
}

@InputType()
class AccountCreateRequired {
  @Field(() => String, { description: 'Account name; required, not blank.' })
  name!: string;
}

@InputType()
class AccountUpdateRequired {
  @Field(() => String, { nullable: true, description: `Account name. ${REQUIRED_ON_CREATE}` })
  name?: string | null;
}

@InputType({ description: 'A new Account: `name` is required, every other field optional.' })
export class AccountCreateInput extends withAccountFields(AccountCreateRequired) {}

@InputType({
  description:
    'Changes to an Account: only the fields given are sent to Salesforce; absent fields are left as they are, null clears a field.',
})
export class AccountUpdateInput extends withAccountFields(AccountUpdateRequired) {}
