import { Field, ObjectType } from 'type-graphql';
import type { LeadConvertResponse } from '../../../upstreams/salesforce/client';
import { Account } from '../account/account.type';
import { Contact } from '../contact/contact.type';
import { Opportunity } from '../opportunity/opportunity.type';
import { Lead } from './lead.type';

/** The Ids Salesforce returned; each record is read afresh with its own selection. */
@ObjectType()
export class LeadConversion {
  @Field(() => Lead)
  lead!: Lead;

  @Field(() => Account)
  account!: Account;

  @Field(() => Contact)
  contact!: Contact;

  @Field(() => Opportunity, { nullable: true })
  opportunity!: Opportunity | null;

  constructor(readonly result: LeadConvertResponse) {}
}
