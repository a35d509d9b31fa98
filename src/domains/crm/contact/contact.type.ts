import { Field, ObjectType } from 'type-graphql';
import { Address } from '../../shared/address.type';
import { connectionTypes } from '../../shared/connection.types';
import { Node } from '../../shared/node.interface';
import { DateTimeScalar } from '../../shared/scalars';

@ObjectType({ implements: Node })
export class Contact extends Node {
  @Field(() => String, { nullable: true })
  firstName!: string | null;

  @Field(() => String)
  lastName!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => String, { nullable: true })
  leadSource!: string | null;

  @Field(() => Address, { nullable: true })
  mailingAddress!: Address | null;

  @Field(() => DateTimeScalar)
  createdDate!: Date;

  @Field(() => DateTimeScalar)
  lastModifiedDate!: Date;
}

export const { Edge: ContactEdge, Connection: ContactConnection } = connectionTypes(
  'Contact',
  () => Contact,
);
