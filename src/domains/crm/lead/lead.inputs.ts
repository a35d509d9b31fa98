import { Field, Float, ID, InputType, type ClassType } from 'type-graphql';

/** Fields that may not be blank strings on create or update. */
export const LEAD_REQUIRED_FIELDS = ['lastName', 'company'] as const;

/**
 * The fields create and update share, after the required ones that differ in nullability:
 * type-graphql builds the input in class-field order, which the record payload keeps.
 */
function withLeadFields<T extends ClassType>(RequiredFields: T) {
  @InputType()
  abstract class LeadFields extends RequiredFields {
    @Field(() => String, { nullable: true })
    firstName?: string | null;

    @Field(() => String, { nullable: true })
    title?: string | null;

    @Field(() => String, { nullable: true })
    email?: string | null;

    @Field(() => String, { nullable: true })
    phone?: string | null;

    @Field(() => String, { nullable: true })
    status?: string | null;

    @Field(() => String, { nullable: true })
    leadSource?: string | null;

    @Field(() => String, { nullable: true })
    industry?: string | null;

    @Field(() => String, { nullable: true })
    rating?: string | null;

    @Field(() => Float, { nullable: true })
    annualRevenue?: number | null;

    @Field(() => ID, { nullable: true })
    ownerId?: string | null;
  }
  return LeadFields;
}

@InputType()
class LeadCreateRequired {
  @Field(() => String)
  lastName!: string;

  @Field(() => String)
  company!: string;
}

@InputType()
class LeadUpdateRequired {
  @Field(() => String, { nullable: true })
  lastName?: string | null;

  @Field(() => String, { nullable: true })
  company?: string | null;
}

@InputType()
export class LeadCreateInput extends withLeadFields(LeadCreateRequired) {}

@InputType()
export class LeadUpdateInput extends withLeadFields(LeadUpdateRequired) {}
