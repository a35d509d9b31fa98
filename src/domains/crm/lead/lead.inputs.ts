import { Field, Float, ID, InputType, type ClassType } from 'type-graphql';
import {
  OWNER_INPUT,
  picklistNote,
  REQUIRED_ON_CREATE,
  SALESFORCE_MONEY,
  WRITE_NULL,
} from '../common/field-docs';

/** Fields that may not be blank strings on create or update. */
export const LEAD_REQUIRED_FIELDS = ['lastName', 'company'] as const;

/**
 * The fields create and update share, after the required ones that differ in nullability:
 * type-graphql builds the input in class-field order, which the record payload keeps.
 */
function withLeadFields<T extends ClassType>(RequiredFields: T) {
  @InputType()
  abstract class LeadFields extends RequiredFields {
    @Field(() => String, { nullable: true, description: `First name. ${WRITE_NULL}` })
    firstName?: string | null;

    @Field(() => String, { nullable: true, description: `Job title. ${WRITE_NULL}` })
    title?: string | null;

    @Field(() => String, {
      nullable: true,
      description: `Email address; Salesforce refuses a malformed one (BAD_USER_INPUT). ${WRITE_NULL}`,
    })
    email?: string | null;

    @Field(() => String, { nullable: true, description: `Phone number. ${WRITE_NULL}` })
    phone?: string | null;

    @Field(() => String, {
      nullable: true,
      description: `Lead status. ${picklistNote('LEAD', 'status')} Absent on create: the picklist's default value.`,
    })
    status?: string | null;

    @Field(() => String, {
      nullable: true,
      description: `Lead source. ${picklistNote('LEAD', 'leadSource')} ${WRITE_NULL}`,
    })
    leadSource?: string | null;

    @Field(() => String, {
      nullable: true,
      description: `Industry. ${picklistNote('LEAD', 'industry')} ${WRITE_NULL}`,
    })
    industry?: string | null;

    @Field(() => String, {
      nullable: true,
      description: `Rating. ${picklistNote('LEAD', 'rating')} ${WRITE_NULL}`,
    })
    rating?: string | null;

    @Field(() => Float, {
      nullable: true,
      description: `Annual revenue. ${SALESFORCE_MONEY} ${WRITE_NULL}`,
    })
    annualRevenue?: number | null;

    @Field(() => ID, { nullable: true, description: OWNER_INPUT })
    ownerId?: string | null;
  }
  return LeadFields;
}

@InputType()
class LeadCreateRequired {
  @Field(() => String, { description: 'Last name; required, not blank.' })
  lastName!: string;

  @Field(() => String, { description: 'Company; required, not blank.' })
  company!: string;
}

@InputType()
class LeadUpdateRequired {
  @Field(() => String, { nullable: true, description: `Last name. ${REQUIRED_ON_CREATE}` })
  lastName?: string | null;

  @Field(() => String, { nullable: true, description: `Company. ${REQUIRED_ON_CREATE}` })
  company?: string | null;
}

@InputType({
  description: 'A new Lead: `lastName` and `company` required, every other field optional.',
})
export class LeadCreateInput extends withLeadFields(LeadCreateRequired) {}

@InputType({
  description:
    'Changes to a Lead: only the fields given are sent to Salesforce; absent fields are left as they are, null clears a field.',
})
export class LeadUpdateInput extends withLeadFields(LeadUpdateRequired) {}
