import { Field, Float, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../shared/scalars';

/** Fields that may not be blank strings on create or update. */
export const OPPORTUNITY_REQUIRED_FIELDS = ['name', 'stageName', 'closeDate'] as const;

@InputType()
export class OpportunityCreateInput {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  stageName!: string;

  @Field(() => DateScalar)
  closeDate!: Date;

  @Field(() => Float, { nullable: true })
  amount?: number | null;

  @Field(() => Float, { nullable: true })
  probability?: number | null;

  @Field(() => String, { nullable: true })
  type?: string | null;

  @Field(() => String, { nullable: true })
  leadSource?: string | null;

  @Field(() => ID, { nullable: true })
  accountId?: string | null;

  @Field(() => ID, { nullable: true })
  ownerId?: string | null;
}

@InputType()
export class OpportunityUpdateInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  stageName?: string | null;

  @Field(() => DateScalar, { nullable: true })
  closeDate?: Date | null;

  @Field(() => Float, { nullable: true })
  amount?: number | null;

  @Field(() => Float, { nullable: true })
  probability?: number | null;

  @Field(() => String, { nullable: true })
  type?: string | null;

  @Field(() => String, { nullable: true })
  leadSource?: string | null;

  @Field(() => ID, { nullable: true })
  accountId?: string | null;

  @Field(() => ID, { nullable: true })
  ownerId?: string | null;
}
