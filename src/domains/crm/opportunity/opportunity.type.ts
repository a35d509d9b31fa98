import { Field, Float, ObjectType } from 'type-graphql';
import { connectionTypes } from '../../shared/connection.types';
import { Node } from '../../shared/node.interface';
import { DateScalar, DateTimeScalar } from '../../shared/scalars';

@ObjectType({ implements: Node })
export class Opportunity extends Node {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  stageName!: string;

  @Field(() => Float, { nullable: true })
  amount!: number | null;

  @Field(() => Float, { nullable: true })
  probability!: number | null;

  @Field(() => Float, { nullable: true })
  expectedRevenue!: number | null;

  @Field(() => DateScalar)
  closeDate!: string;

  @Field(() => String, { nullable: true })
  type!: string | null;

  @Field(() => String, { nullable: true })
  leadSource!: string | null;

  @Field(() => String, { nullable: true })
  forecastCategory!: string | null;

  @Field(() => Boolean)
  isClosed!: boolean;

  @Field(() => Boolean)
  isWon!: boolean;

  @Field(() => DateTimeScalar)
  createdDate!: Date;

  @Field(() => DateTimeScalar)
  lastModifiedDate!: Date;
}

export const { Edge: OpportunityEdge, Connection: OpportunityConnection } = connectionTypes(
  'Opportunity',
  () => Opportunity,
);
