import { Field, Float, ID, InputType, Int, type ClassType } from 'type-graphql';
import { AddressInput } from '../../shared/address.input';

/** Fields that may not be blank strings on create or update. */
export const ACCOUNT_REQUIRED_FIELDS = ['name'] as const;

/**
 * The fields create and update share, after the required ones that differ in nullability:
 * type-graphql builds the input in class-field order, which the record payload keeps.
 */
function withAccountFields<T extends ClassType>(RequiredFields: T) {
  @InputType()
  abstract class AccountFields extends RequiredFields {
    @Field(() => String, { nullable: true })
    type?: string | null;

    @Field(() => String, { nullable: true })
    industry?: string | null;

    @Field(() => String, { nullable: true })
    website?: string | null;

    @Field(() => String, { nullable: true })
    phone?: string | null;

    @Field(() => Float, { nullable: true })
    annualRevenue?: number | null;

    @Field(() => Int, { nullable: true })
    numberOfEmployees?: number | null;

    @Field(() => AddressInput, { nullable: true })
    billingAddress?: AddressInput | null;

    @Field(() => ID, { nullable: true })
    parentId?: string | null;

    @Field(() => ID, { nullable: true })
    ownerId?: string | null;
  }
  return AccountFields;
}

@InputType()
class AccountCreateRequired {
  @Field(() => String)
  name!: string;
}

@InputType()
class AccountUpdateRequired {
  @Field(() => String, { nullable: true })
  name?: string | null;
}

@InputType()
export class AccountCreateInput extends withAccountFields(AccountCreateRequired) {}

@InputType()
export class AccountUpdateInput extends withAccountFields(AccountUpdateRequired) {}
