import { LINKED_CREDENTIAL_VARIABLES, type LinkFieldNames } from '../../config';
import {
  createLinkedUpstreams,
  createLinkedResilienceSet,
  type LinkedUpstreams,
} from './create-linked-upstreams';

/** What a request context needs of the linked services: the process's clients and link fields. */
export interface LinkedServices {
  upstreams: LinkedUpstreams;
  linkFields: LinkFieldNames;
}

export const DEFAULT_LINK_FIELDS: Readonly<LinkFieldNames> = Object.freeze({
  stripeCustomer: 'Stripe_Customer_Id__c',
  zendeskOrganization: 'Zendesk_Organization_Id__c',
  quickBooksCustomer: 'QuickBooks_Customer_Id__c',
});

let unconfigured: LinkedServices | undefined;

/**
 * For contexts built without a server (embedders, unit tests): every linked service off, so
 * its fields answer UPSTREAM_UNAVAILABLE instead of the context lacking them.
 */
export function unconfiguredLinkedServices(): LinkedServices {
  if (unconfigured) return unconfigured;
  const config = {
    stripe: { mode: 'off', missing: LINKED_CREDENTIAL_VARIABLES.stripe },
    zendesk: { mode: 'off', missing: LINKED_CREDENTIAL_VARIABLES.zendesk },
    quickbooks: { mode: 'off', missing: LINKED_CREDENTIAL_VARIABLES.quickbooks },
    linkFields: DEFAULT_LINK_FIELDS,
  } as const;
  unconfigured = {
    upstreams: createLinkedUpstreams(config, createLinkedResilienceSet(config)),
    linkFields: DEFAULT_LINK_FIELDS,
  };
  return unconfigured;
}
