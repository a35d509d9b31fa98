import { Field, Float, ID, InputType } from 'type-graphql';

/** Fields that may not be blank strings on create or update. */
export const LEAD_REQUIRED_FIELDS = ['lastName', 'company'] as const;

@InputType()
export class LeadCreateInput {
  @Field(() => String)
  lastName!: string;

  @Field(() => String)
  company!: string;

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

@InputType()
export class LeadUpdateInput {
  @Field(() => String, { nullable: true })
  lastName?: string | null;

  @Field(() => String, { nullable: true })
  company?: string | null;

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
