import type { LinkedServicesConfig } from '../../config';
import type { Logger } from '../../logging/logger';
import type { UpstreamCallObserver } from '../../observability';
import { createQuickBooksUpstream, type QuickBooksUpstream } from '../quickbooks';
import type { UpstreamResilience } from '../resilience';
import { createStripeUpstream, type StripeUpstream } from '../stripe';
import { createZendeskUpstream, type ZendeskUpstream } from '../zendesk';
import { DEFAULT_LINKED_RESILIENCE } from '../../config';
import { createLinkedResilience } from './linked-resilience';
import type { LinkedServiceName } from './linked-service-error';

/** The process's clients of the three linked services (per-request loaders wrap them). */
export interface LinkedUpstreams {
  stripe: StripeUpstream;
  zendesk: ZendeskUpstream;
  quickbooks: QuickBooksUpstream;
}

/** Each service's breaker, bulkhead, timeout and retries: /readyz and metrics read them. */
export type LinkedResilience = Record<LinkedServiceName, UpstreamResilience>;

export function createLinkedResilienceSet(
  config: LinkedServicesConfig,
  logger?: Logger,
  observe?: (service: LinkedServiceName) => UpstreamCallObserver,
): LinkedResilience {
  const settings = (service: LinkedServiceName) => {
    const entry = config[service];
    return entry.mode === 'off' ? DEFAULT_LINKED_RESILIENCE : entry.resilience;
  };
  return {
    stripe: createLinkedResilience('stripe', settings('stripe'), logger, observe?.('stripe')),
    zendesk: createLinkedResilience('zendesk', settings('zendesk'), logger, observe?.('zendesk')),
    quickbooks: createLinkedResilience(
      'quickbooks',
      settings('quickbooks'),
      logger,
      observe?.('quickbooks'),
    ),
  };
}

export function createLinkedUpstreams(
  config: LinkedServicesConfig,
  resilience: LinkedResilience,
  logger?: Logger,
): LinkedUpstreams {
  const deps = (service: LinkedServiceName) => ({
    resilience: resilience[service],
    ...(logger ? { logger } : {}),
  });
  return {
    stripe: createStripeUpstream(config.stripe, deps('stripe')),
    zendesk: createZendeskUpstream(config.zendesk, deps('zendesk')),
    quickbooks: createQuickBooksUpstream(config.quickbooks, deps('quickbooks')),
  };
}
