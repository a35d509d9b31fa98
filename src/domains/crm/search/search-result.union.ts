import { createUnionType } from 'type-graphql';
import { Account } from '../account/account.type';
import { Contact } from '../contact/contact.type';
import { Lead } from '../lead/lead.type';
import { Opportunity } from '../opportunity/opportunity.type';

/** A hit of `search`: resolved from the class `toNode` built for the record's object. */
export const SearchResultUnion = createUnionType({
  name: 'SearchResult',
  description: 'A record found by `search`: Account, Contact, Opportunity or Lead.',
  types: () => [Account, Contact, Opportunity, Lead] as const,
});
