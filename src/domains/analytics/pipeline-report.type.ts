import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../shared/scalars';

@ObjectType({ description: 'Open opportunities of one stage.' })
export class PipelineStage {
  @Field(() => String, { description: 'The stage (StageName picklist value).' })
  stageName!: string;

  @Field(() => Int, { description: 'Open opportunities in this stage.' })
  count!: number;

  @Field(() => Float, { description: 'Sum of Amount (blank amounts count as 0).' })
  amount!: number;

  @Field(() => Float, { description: 'Sum of ExpectedRevenue (Amount × Probability).' })
  weightedAmount!: number;
}

@ObjectType({
  description: 'Open opportunities (IsClosed = false) by stage, as the viewer may see them.',
})
export class PipelineReport {
  @Field(() => [PipelineStage], { description: 'One row per stage that has open opportunities.' })
  stages!: PipelineStage[];

  @Field(() => Int, { description: 'Open opportunities counted.' })
  count!: number;

  @Field(() => Float, {
    description:
      'Sum of Amount over the open opportunities (blank amounts count as 0), in the org’s currency (never converted).',
  })
  amount!: number;

  @Field(() => Float, {
    description: 'Sum of ExpectedRevenue (Amount × Probability / 100), in the org’s currency.',
  })
  weightedAmount!: number;

  @Field(() => DateTimeScalar, { description: 'When Salesforce was asked.' })
  asOf!: Date;
}
