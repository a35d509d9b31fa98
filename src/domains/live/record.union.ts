import { createUnionType } from 'type-graphql';
import { Account } from '../crm/account/account.type';
import { Contact } from '../crm/contact/contact.type';
import { Lead } from '../crm/lead/lead.type';
import { Opportunity } from '../crm/opportunity/opportunity.type';

/** The record a change is about; resolved from the class `toNode` built. */
export const RecordUnion = createUnionType({
  name: 'Record',
  description: 'A CRM record: Account, Contact, Opportunity or Lead.',
  types: () => [Account, Contact, Opportunity, Lead] as const,
});
