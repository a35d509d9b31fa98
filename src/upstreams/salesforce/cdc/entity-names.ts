import type { SObjectTypeName } from '../../../live/change-source';
import type { SObjectName } from '../soql';

/** The Salesforce object behind each contract `SObjectType` the gateway publishes changes for. */
export const ENTITY_NAMES: Readonly<Record<SObjectTypeName, SObjectName>> = {
  ACCOUNT: 'Account',
  CONTACT: 'Contact',
  OPPORTUNITY: 'Opportunity',
  LEAD: 'Lead',
};
