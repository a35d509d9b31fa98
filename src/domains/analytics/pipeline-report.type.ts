import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../shared/scalars';

@ObjectType({ description: 'Open opportunities of one stage.' })
export class PipelineStage {
  @Field(() => String)
  stageName!: string;

  @Field(() => Int)
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
  @Field(() => [PipelineStage])
  stages!: PipelineStage[];

  @Field(() => Int)
  count!: number;

  @Field(() => Float)
  amount!: number;

  @Field(() => Float)
  weightedAmount!: number;

  @Field(() => DateTimeScalar, { description: 'When Salesforce was asked.' })
  asOf!: Date;
}
