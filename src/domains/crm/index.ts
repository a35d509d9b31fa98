import { AccountResolver } from './account/account.resolver';
import { ContactResolver } from './contact/contact.resolver';
import { LeadConversionResolver } from './lead/lead-conversion.resolver';
import { LeadResolver } from './lead/lead.resolver';
import { NodeResolver } from './node/node.resolver';
import { OpportunityResolver } from './opportunity/opportunity.resolver';
import { PicklistsResolver } from './picklists/picklists.resolver';
import { SearchResolver } from './search/search.resolver';
import { UserResolver } from './user/user.resolver';

/** The CRM graph's resolver classes, registered by `src/domains/index.ts`. */
export const crmResolvers = [
  NodeResolver,
  UserResolver,
  AccountResolver,
  ContactResolver,
  OpportunityResolver,
  LeadResolver,
  LeadConversionResolver,
  SearchResolver,
  PicklistsResolver,
] as const;
