import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Address } from '../../shared/address.type';
import { connectionTypes } from '../../shared/connection.types';
import { Node } from '../../shared/node.interface';
import { DateTimeScalar } from '../../shared/scalars';

@ObjectType({ implements: Node })
export class Account extends Node {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  type!: string | null;

  @Field(() => String, { nullable: true })
  industry!: string | null;

  @Field(() => String, { nullable: true })
  website!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => Float, { nullable: true })
  annualRevenue!: number | null;

  @Field(() => Int, { nullable: true })
  numberOfEmployees!: number | null;

  @Field(() => Address, { nullable: true })
  billingAddress!: Address | null;

  @Field(() => DateTimeScalar)
  createdDate!: Date;

  @Field(() => DateTimeScalar)
  lastModifiedDate!: Date;
}

export const { Edge: AccountEdge, Connection: AccountConnection } = connectionTypes(
  'Account',
  () => Account,
);
