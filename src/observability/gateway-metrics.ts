import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { operationMetricsPlugin } from './apollo-metrics-plugin';
import { registerLiveMetrics, type LiveMetricsSources } from './live-metrics';
import { createOperationMetrics, type OperationMetricsOptions } from './operation-metrics';
import { createUpstreamMetrics, type UpstreamMetrics } from './upstream-metrics';
import { createWebhookMetrics, type WebhookObserver } from './webhook-metrics';
import {
  webSocketOperationObserver,
  type WebSocketOperationObserver,
} from './websocket-operation-metrics';

/**
 * One gateway instance's metrics. Each instance has its own registry (never prom-client's
 * global one), so several gateways in one process (tests) keep separate series. A later
 * component (the cache) registers its metrics on `registry` the same way.
 */
export interface GatewayMetrics {
  readonly registry: Registry;
  /** For Apollo's plugin list: GraphQL over HTTP. */
  apolloPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext>;
  /** For the graphql-ws hooks: GraphQL over WebSocket. */
  readonly webSocket: WebSocketOperationObserver;
  /** Observers for the upstreams' transports. */
  readonly upstream: UpstreamMetrics;
  /** The webhook receivers' events by service and outcome. */
  readonly webhooks: WebhookObserver;
  /** Subscribers, WebSocket clients and CDC position, read at scrape time. */
  observeLive(sources: LiveMetricsSources): void;
}

export interface GatewayMetricsOptions extends OperationMetricsOptions {
  /**
   * prom-client's process metrics (CPU, memory, event-loop delay, GC). They run an
   * event-loop monitor for the process's lifetime, so only when something can scrape them.
   */
  processMetrics?: boolean;
}

export function createGatewayMetrics(options: GatewayMetricsOptions = {}): GatewayMetrics {
  const registry = new Registry();
  if (options.processMetrics) collectDefaultMetrics({ register: registry });
  const operations = createOperationMetrics(registry, options);
  let liveObserved = false;
  return {
    registry,
    apolloPlugin: () => operationMetricsPlugin(operations),
    webSocket: webSocketOperationObserver(operations),
    upstream: createUpstreamMetrics(registry),
    webhooks: createWebhookMetrics(registry),
    observeLive(sources) {
      if (liveObserved) throw new Error('observeLive is called once per gateway');
      liveObserved = true;
      registerLiveMetrics(registry, sources);
    },
  };
}
