import { Field, ID, InputType } from 'type-graphql';

@InputType({
  description:
    'What `convertLead` does with a Lead: Salesforce’s convertLead call with these options.',
})
export class ConvertLeadInput {
  @Field(() => ID, {
    description:
      'The Lead to convert; a malformed Id or an already converted lead is BAD_USER_INPUT.',
  })
  leadId!: string;

  @Field(() => String, {
    description:
      'A converted lead status (e.g. "Closed - Converted"), from `picklists(object: LEAD, fields: ["status"])`; blank or not a converted status is BAD_USER_INPUT.',
  })
  convertedStatus!: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'Merge into this existing Account instead of creating one; null or absent: a new Account named after the lead’s company.',
  })
  accountId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Merge into this existing Contact (of `accountId`) instead of creating one; null or absent: a new Contact.',
  })
  contactId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'True: create no Opportunity (`opportunity` is then null). Default false.',
  })
  doNotCreateOpportunity?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Name of the new Opportunity; null or absent: Salesforce names it after the company.',
  })
  opportunityName?: string | null;
}
