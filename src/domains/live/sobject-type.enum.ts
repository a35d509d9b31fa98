import { registerEnumType } from 'type-graphql';
import type { SObjectName } from '../../upstreams/salesforce/soql';

/** The CRM objects a change, a search hit or a cache refresh can be about. */
export enum SObjectType {
  ACCOUNT = 'ACCOUNT',
  CONTACT = 'CONTACT',
  OPPORTUNITY = 'OPPORTUNITY',
  LEAD = 'LEAD',
}

registerEnumType(SObjectType, {
  name: 'SObjectType',
  description: 'A CRM object type of the graph.',
  valuesConfig: {
    ACCOUNT: { description: 'Salesforce Account.' },
    CONTACT: { description: 'Salesforce Contact.' },
    OPPORTUNITY: { description: 'Salesforce Opportunity.' },
    LEAD: { description: 'Salesforce Lead.' },
  },
});

/** The Salesforce object behind each value. */
export const SALESFORCE_OBJECT_OF: Readonly<Record<SObjectType, SObjectName>> = {
  [SObjectType.ACCOUNT]: 'Account',
  [SObjectType.CONTACT]: 'Contact',
  [SObjectType.OPPORTUNITY]: 'Opportunity',
  [SObjectType.LEAD]: 'Lead',
};
