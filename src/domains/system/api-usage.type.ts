import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../shared/scalars';

@ObjectType({ description: "Salesforce daily API requests of the gateway's org." })
export class ApiUsage {
  @Field(() => Int, { description: 'Calls counted in the rolling 24 hours.' })
  used!: number;

  @Field(() => Int, { description: 'The org’s daily allocation.' })
  max!: number;

  @Field(() => Int, { description: 'max - used, never below 0.' })
  remaining!: number;

  @Field(() => Int, {
    description:
      'Calls of the allocation held back for writes (SALESFORCE_API_RESERVE_PERCENT): once `remaining` is at or below it, reads the cache cannot answer fail with UPSTREAM_RATE_LIMITED.',
  })
  reserve!: number;

  @Field(() => DateTimeScalar, { description: 'When Salesforce reported these numbers.' })
  asOf!: Date;
}
