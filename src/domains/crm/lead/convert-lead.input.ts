import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class ConvertLeadInput {
  @Field(() => ID)
  leadId!: string;

  @Field(() => String)
  convertedStatus!: string;

  @Field(() => ID, { nullable: true })
  accountId?: string | null;

  @Field(() => ID, { nullable: true })
  contactId?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  doNotCreateOpportunity?: boolean | null;

  @Field(() => String, { nullable: true })
  opportunityName?: string | null;
}
