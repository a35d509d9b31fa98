import { Max, Min } from 'class-validator';
import { Field, Float, ID, InputType, type ClassType } from 'type-graphql';
import { DateScalar } from '../../shared/scalars';
import {
  OWNER_INPUT,
  picklistNote,
  REQUIRED_ON_CREATE,
  SALESFORCE_MONEY,
  WRITE_NULL,
} from '../common/field-docs';

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
    @Field(() => Float, {
      nullable: true,
      description: `Deal amount. ${SALESFORCE_MONEY} ${WRITE_NULL}`,
    })
    amount?: number | null;

    // Salesforce stores any number here and computes expectedRevenue from it; outside 0–100 it is nonsense.
    @Min(0, { message: PROBABILITY_RANGE })
    @Max(100, { message: PROBABILITY_RANGE })
    @Field(() => Float, {
      nullable: true,
      description:
        'Chance of closing in percent, 0 to 100 (75 means 75 %, not 0.75); other values are BAD_USER_INPUT before Salesforce is called. Absent on create: Salesforce sets the stage’s default probability.',
    })
    probability?: number | null;

    @Field(() => String, {
      nullable: true,
      description: `Opportunity type. ${picklistNote('OPPORTUNITY', 'type')} ${WRITE_NULL}`,
    })
    type?: string | null;

    @Field(() => String, {
      nullable: true,
      description: `Lead source. ${picklistNote('OPPORTUNITY', 'leadSource')} ${WRITE_NULL}`,
    })
    leadSource?: string | null;

    @Field(() => ID, {
      nullable: true,
      description: `The Account’s Id; an Id that is not a visible Account is BAD_USER_INPUT. ${WRITE_NULL}`,
    })
    accountId?: string | null;

    @Field(() => ID, { nullable: true, description: OWNER_INPUT })
    ownerId?: string | null;
  }
  return OpportunityFields;
}

@InputType()
class OpportunityCreateRequired {
  @Field(() => String, { description: 'Opportunity name; required, not blank.' })
  name!: string;

  @Field(() => String, {
    description: `Stage; required. ${picklistNote('OPPORTUNITY', 'stageName')} A value outside the picklist is BAD_USER_INPUT.`,
  })
  stageName!: string;

  @Field(() => DateScalar, { description: 'Expected close date; required.' })
  closeDate!: Date;
}

@InputType()
class OpportunityUpdateRequired {
  @Field(() => String, { nullable: true, description: `Opportunity name. ${REQUIRED_ON_CREATE}` })
  name?: string | null;

  @Field(() => String, {
    nullable: true,
    description: `Stage. ${picklistNote('OPPORTUNITY', 'stageName')} ${REQUIRED_ON_CREATE}`,
  })
  stageName?: string | null;

  @Field(() => DateScalar, { nullable: true, description: `Close date. ${REQUIRED_ON_CREATE}` })
  closeDate?: Date | null;
}

@InputType({
  description:
    'A new Opportunity: `name`, `stageName` and `closeDate` required, every other field optional.',
})
export class OpportunityCreateInput extends withOpportunityFields(OpportunityCreateRequired) {}

@InputType({
  description:
    'Changes to an Opportunity: only the fields given are sent to Salesforce; absent fields are left as they are, null clears a field.',
})
export class OpportunityUpdateInput extends withOpportunityFields(OpportunityUpdateRequired) {}
