import { Field, ObjectType } from 'type-graphql';
import type { LeadConvertResponse } from '../../../upstreams/salesforce/client';
import { Account } from '../account/account.type';
import { Contact } from '../contact/contact.type';
import { Opportunity } from '../opportunity/opportunity.type';
import { Lead } from './lead.type';

/** The Ids Salesforce returned; each record is read afresh with its own selection. */
@ObjectType({
  description:
    'The records a lead conversion produced. Each is read afresh from Salesforce with the fields you select (one query per selected record), past every cache.',
})
export class LeadConversion {
  @Field(() => Lead, { description: 'The converted Lead, read fresh (`isConverted` true).' })
  lead!: Lead;

  @Field(() => Account, {
    description: 'The Account the lead became (new, or the one in `accountId`), read fresh.',
  })
  account!: Account;

  @Field(() => Contact, {
    description: 'The Contact the lead became (new, or the one in `contactId`), read fresh.',
  })
  contact!: Contact;

  @Field(() => Opportunity, {
    nullable: true,
    description: 'The new Opportunity, read fresh; null with `doNotCreateOpportunity`.',
  })
  opportunity!: Opportunity | null;

  constructor(readonly result: LeadConvertResponse) {}
}
