import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { AddressInput } from '../../shared/address.input';

/** Fields that may not be blank strings on create or update. */
export const ACCOUNT_REQUIRED_FIELDS = ['name'] as const;

@InputType()
export class AccountCreateInput {
  @Field(() => String)
  name!: string;

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

@InputType()
export class AccountUpdateInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

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
