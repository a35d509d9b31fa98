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

  @Field(() => DateTimeScalar, { description: 'When Salesforce reported these numbers.' })
  asOf!: Date;
}
