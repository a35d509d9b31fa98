import type { LinkedUpstreams } from '../upstreams/linked';
import type { OperationScope } from '../upstreams/operation-scope';
import { createQuickBooksLoaders, type QuickBooksLoaders } from '../upstreams/quickbooks';
import { createStripeLoaders, type StripeLoaders } from '../upstreams/stripe';
import { createZendeskLoaders, type ZendeskLoaders } from '../upstreams/zendesk';

/**
 * One request's batching loaders of the linked services. Per request like the Salesforce
 * loaders: a page of accounts asks each service once, and no answer outlives the request or
 * reaches another viewer.
 */
export interface LinkedLoaders {
  stripe: StripeLoaders;
  zendesk: ZendeskLoaders;
  quickbooks: QuickBooksLoaders;
}

export function createLinkedLoaders(
  upstreams: LinkedUpstreams,
  operation: OperationScope,
): LinkedLoaders {
  return {
    stripe: createStripeLoaders(upstreams.stripe, operation),
    zendesk: createZendeskLoaders(upstreams.zendesk, operation),
    quickbooks: createQuickBooksLoaders(upstreams.quickbooks, operation),
  };
}
