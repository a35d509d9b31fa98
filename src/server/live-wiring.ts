import type { WebhooksConfig } from '../config';
import {
  quickBooksReceiver,
  stripeReceiver,
  zendeskReceiver,
  type WebhookEventDeps,
} from '../domains/linked/webhook-events';
import type { LinkedServices } from '../upstreams/linked';
import { OperationScope } from '../upstreams/operation-scope';
import type { WebhookRoutesDeps } from './webhooks/webhook-routes';
import { createLiveChanges, type LiveChanges, type LiveChangesOptions } from '../live/live-changes';
import type { Logger } from '../logging/logger';
import type { WebhookObserver } from '../observability';
import type { SalesforceClient } from '../upstreams/salesforce/client';
import { createSalesforceChangeSource } from '../upstreams/salesforce/cdc/salesforce-change-source';
import type { SalesforceSession } from '../upstreams/salesforce/connection';

export interface SalesforceLiveDeps {
  /** The integration (CDC) user's session: the one upstream subscription is theirs. */
  session: SalesforceSession;
  /** The same user's client: GAP re-reads. */
  client: SalesforceClient;
  redisUrl: string | undefined;
  logger: Logger;
  options?: LiveChangesOptions;
}

/**
 * Plugs the org's Change Data Capture source into the live-changes core: the one place that
 * knows both. A new upstream's change source (webhooks) is plugged in here too.
 */
export function startSalesforceLiveChanges(deps: SalesforceLiveDeps): Promise<LiveChanges> {
  return createLiveChanges({
    source: createSalesforceChangeSource(deps.session, deps.client),
    redisUrl: deps.redisUrl,
    logger: deps.logger,
    ...(deps.options ? { options: deps.options } : {}),
  });
}

export interface WebhookSourcesDeps {
  config: WebhooksConfig;
  /** The integration user's client: the one that resolves an event's Account. */
  salesforce: SalesforceClient | undefined;
  live: LiveChanges | undefined;
  linked: LinkedServices;
  maxRows: number;
  logger: Logger;
  observe?: WebhookObserver;
}

/**
 * Plugs the linked services' webhooks into the same live-changes core as CDC: each receiver
 * verifies its service's signature, resolves the event's Account once (as the integration
 * user) and publishes through the core's entry point; a service without its secret gets no
 * receiver. Without live changes (no integration credential) nothing can be published.
 */
export function webhookSources(deps: WebhookSourcesDeps): WebhookRoutesDeps {
  const { config, live, salesforce } = deps;
  const sink = live && salesforce ? live : undefined;
  const events: WebhookEventDeps = {
    // The routes answer 503 before any event is published when there is no sink.
    sink: sink ?? {
      publish: () => Promise.reject(new Error('live changes are off')),
      claims: { claim: () => Promise.resolve(false), release: () => Promise.resolve() },
    },
    reads: (eventKey) => {
      if (!salesforce) throw new Error('no integration client');
      return {
        salesforce,
        linked: deps.linked,
        operation: new OperationScope({
          requestId: `webhook:${eventKey.slice(0, 64)}`,
          maxRows: deps.maxRows,
          logger: deps.logger,
        }),
      };
    },
  };
  const receivers: WebhookRoutesDeps['receivers'] = {};
  if (config.stripeSecret) receivers.stripe = stripeReceiver(config.stripeSecret, events);
  if (config.zendeskSecret) receivers.zendesk = zendeskReceiver(config.zendeskSecret, events);
  if (config.quickBooksVerifierToken) {
    receivers.quickbooks = quickBooksReceiver(config.quickBooksVerifierToken, events);
  }
  return {
    config,
    sink,
    receivers,
    logger: deps.logger,
    ...(deps.observe ? { observe: deps.observe } : {}),
  };
}
