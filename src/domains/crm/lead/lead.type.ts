import { Field, Float, ObjectType } from 'type-graphql';
import { connectionTypes } from '../../shared/connection.types';
import { Node } from '../../shared/node.interface';
import { DateScalar, DateTimeScalar } from '../../shared/scalars';

@ObjectType({ implements: Node })
export class Lead extends Node {
  @Field(() => String, { nullable: true })
  firstName!: string | null;

  @Field(() => String)
  lastName!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  company!: string;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => String)
  status!: string;

  @Field(() => String, { nullable: true })
  leadSource!: string | null;

  @Field(() => String, { nullable: true })
  industry!: string | null;

  @Field(() => String, { nullable: true })
  rating!: string | null;

  @Field(() => Float, { nullable: true })
  annualRevenue!: number | null;

  @Field(() => Boolean)
  isConverted!: boolean;

  @Field(() => DateScalar, { nullable: true })
  convertedDate!: string | null;

  @Field(() => DateTimeScalar)
  createdDate!: Date;

  @Field(() => DateTimeScalar)
  lastModifiedDate!: Date;
}

export const { Edge: LeadEdge, Connection: LeadConnection } = connectionTypes('Lead', () => Lead);
