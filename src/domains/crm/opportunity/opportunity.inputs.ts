import { Max, Min } from 'class-validator';
import { Field, Float, ID, InputType, type ClassType } from 'type-graphql';
import { DateScalar } from '../../shared/scalars';

/** Fields that may not be blank strings on create or update. */
export const OPPORTUNITY_REQUIRED_FIELDS = ['name', 'stageName', 'closeDate'] as const;

const PROBABILITY_RANGE = 'probability must be between 0 and 100 (a percentage), got $value';

/**
 * The fields create and update share, after the required ones that differ in nullability:
 * type-graphql builds the input in class-field order, which the record payload keeps.
 */
function withOpportunityFields<T extends ClassType>(RequiredFields: T) {
  @InputType()
  abstract class OpportunityFields extends RequiredFields {
    @Field(() => Float, { nullable: true })
    amount?: number | null;

    // Salesforce stores any number here and computes expectedRevenue from it; outside 0–100 it is nonsense.
    @Min(0, { message: PROBABILITY_RANGE })
    @Max(100, { message: PROBABILITY_RANGE })
    @Field(() => Float, {
      nullable: true,
      description: 'Percent, 0 to 100; other values are BAD_USER_INPUT.',
    })
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
  return OpportunityFields;
}

@InputType()
class OpportunityCreateRequired {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  stageName!: string;

  @Field(() => DateScalar)
  closeDate!: Date;
}

@InputType()
class OpportunityUpdateRequired {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  stageName?: string | null;

  @Field(() => DateScalar, { nullable: true })
  closeDate?: Date | null;
}

@InputType()
export class OpportunityCreateInput extends withOpportunityFields(OpportunityCreateRequired) {}

@InputType()
export class OpportunityUpdateInput extends withOpportunityFields(OpportunityUpdateRequired) {}
