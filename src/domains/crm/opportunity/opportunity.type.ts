import { Field, Float, ObjectType } from 'type-graphql';
import { connectionTypes, salesforceConnectionDocs } from '../../shared/connection.types';
import { Node } from '../../shared/node.interface';
import { DateScalar, DateTimeScalar } from '../../shared/scalars';
import { picklistNote, SALESFORCE_MONEY } from '../common/field-docs';

@ObjectType({
  implements: Node,
  description:
    'A Salesforce Opportunity: a deal in the pipeline. Reads are as the viewer (sharing rules hide what they may not see).',
})
export class Opportunity extends Node {
  @Field(() => String, { description: 'Opportunity name.' })
  name!: string;

  @Field(() => String, {
    description: `Sales stage, e.g. "Prospecting" or "Closed Won"; it sets \`isClosed\`, \`isWon\` and the default \`probability\`. ${picklistNote('OPPORTUNITY', 'stageName')}`,
  })
  stageName!: string;

  @Field(() => Float, { nullable: true, description: `Deal amount. ${SALESFORCE_MONEY}` })
  amount!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Chance of closing in percent, 0 to 100 (not 0 to 1); Salesforce sets the stage’s default when the stage changes.',
  })
  probability!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: `amount × probability / 100, computed by Salesforce (read-only); null without an amount. ${SALESFORCE_MONEY}`,
  })
  expectedRevenue!: number | null;

  @Field(() => DateScalar, {
    description: 'Expected (or actual, once closed) close date; a calendar date, no time zone.',
  })
  closeDate!: string;

  @Field(() => String, {
    nullable: true,
    description: `Opportunity type, e.g. "New Customer". ${picklistNote('OPPORTUNITY', 'type')}`,
  })
  type!: string | null;

  @Field(() => String, {
    nullable: true,
    description: `Lead source. ${picklistNote('OPPORTUNITY', 'leadSource')}`,
  })
  leadSource!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Forecast category (Pipeline, Best Case, Commit, Closed, Omitted), set by Salesforce from the stage.',
  })
  forecastCategory!: string | null;

  @Field(() => Boolean, {
    description:
      'True in a closed stage (won or lost); set by Salesforce from the stage, read-only.',
  })
  isClosed!: boolean;

  @Field(() => Boolean, {
    description: 'True in a won stage; set by Salesforce from the stage, read-only.',
  })
  isWon!: boolean;

  @Field(() => DateTimeScalar, { description: 'When the record was created (UTC).' })
  createdDate!: Date;

  @Field(() => DateTimeScalar, { description: 'When the record was last changed (UTC).' })
  lastModifiedDate!: Date;
}

export const { Edge: OpportunityEdge, Connection: OpportunityConnection } = connectionTypes(
  'Opportunity',
  () => Opportunity,
  salesforceConnectionDocs('Opportunities'),
);
