import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GatewayConfig } from '../config';
import { createFormatError } from '../errors';
import type { SalesforceClient } from '../upstreams/salesforce/client';
import { createGatewayAuth, type GatewayAuth } from './gateway-auth';
import { createLogger, type Logger } from '../logging/logger';
import { createQueryLimits, DEFAULT_QUERY_LIMITS, type QueryLimits } from './query-limits';
import type { LiveChanges, LiveChangesOptions, LiveChangesStats } from '../live/live-changes';
import { startSalesforceLiveChanges } from './live-wiring';
import {
  createIntegrationSession,
  createSalesforceClient,
  hasIntegrationCredential,
} from '../upstreams/salesforce/integration-client';
import { buildGatewaySchema } from './schema';
import { attachGraphQLWebSocket, type WebSocketLimits } from './websocket-server';
import { createGatewayApollo } from './apollo-server';
import { createRequestListener, gatewayRoutes } from './routes';
import { createShutdown, drainLiveChangesPlugin } from './shutdown';
import {
  createGatewayMetrics,
  metricsHandler,
  startMetricsServer,
  type RunningMetricsServer,
} from '../observability';

export interface CreateServerOptions {
  /** Replaces the integration client built from config (demo/integration modes; server tests). */
  salesforce?: SalesforceClient;
  limits?: QueryLimits;
  logger?: Logger;
  /** graphql-ws and Change Data Capture settings; `enabled: false` turns live changes off. */
  subscriptions?: LiveChangesOptions & WebSocketLimits & { enabled?: boolean };
}

export interface RunningGateway {
  /** `http://HOST:PORT/graphql` */
  url: string;
  /** The auth mode and, in user mode, where a browser starts the Salesforce login. */
  auth: { mode: GatewayAuth['mode']; loginUrl: string | undefined };
  /** The viewer resolver, for other transports (graphql-ws `onConnect`) to share. */
  resolveViewer: GatewayAuth['resolveViewer'];
  /** The CDC bridge of this instance; undefined when live changes are off. */
  liveStats(): LiveChangesStats | undefined;
  webSocketClients(): number;
  /** The Prometheus scrape URL on its own listener; undefined when METRICS_ENABLED is off. */
  metricsUrl: string | undefined;
  /**
   * Drains HTTP, closes WebSocket clients with 1001, stops the CDC bridge after flushing its
   * replayId, then closes auth stores.
   */
  stop(): Promise<void>;
}

function formatHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

function listen(httpServer: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
}

/**
 * Wires the gateway: one http.Server carries HTTP (routes.ts) and the graphql-ws upgrade;
 * shutdown.ts stops them in order. Auth is built last, once the port is known.
 */
export async function createServer(
  config: GatewayConfig,
  options: CreateServerOptions = {},
): Promise<RunningGateway> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const subscriptionOptions = options.subscriptions ?? {};
  // Per instance, never prom-client's global registry: tests run several gateways at once.
  const metricsServed = config.metrics.enabled || config.metrics.token !== undefined;
  const metrics = createGatewayMetrics({ processMetrics: metricsServed });
  // The integration user's session: requests in demo/integration modes, and in every mode
  // the org's one CDC subscription. An injected client comes without one (no live changes).
  const integrationSession =
    options.salesforce === undefined && hasIntegrationCredential(config)
      ? createIntegrationSession(config, metrics.upstream.salesforce)
      : undefined;
  // User mode has no integration user for requests: nothing reaches Salesforce without a
  // signed-in viewer; the CDC consumer alone uses the integration credential, when set.
  const integrationClient =
    config.auth.mode === 'user'
      ? undefined
      : (options.salesforce ?? createSalesforceClient(config, integrationSession));
  const live: LiveChanges | undefined =
    integrationSession && subscriptionOptions.enabled !== false
      ? await startSalesforceLiveChanges({
          session: integrationSession,
          client: integrationClient ?? createSalesforceClient(config, integrationSession),
          redisUrl: config.redisUrl,
          logger,
          options: subscriptionOptions,
        })
      : undefined;
  // Built once the server listens (the default public URL needs the port); until then 503.
  let auth: GatewayAuth | undefined;
  const limits = options.limits ?? DEFAULT_QUERY_LIMITS;
  const queryLimits = createQueryLimits(limits, {
    maskSuggestions: config.nodeEnv === 'production',
  });
  const schema = await buildGatewaySchema();
  const formatError = createFormatError({
    exposeInternals: config.nodeEnv === 'development',
    onInternalError: (err) => logger.error({ err }, 'internal error in a GraphQL operation'),
  });

  const httpServer = createHttpServer();
  const webSocket = attachGraphQLWebSocket({
    httpServer,
    schema,
    path: '/graphql',
    resolveViewer: () => auth?.resolveViewer,
    live,
    validationRules: queryLimits.validationRules,
    maxTokens: limits.maxTokens,
    isProd: config.nodeEnv === 'production',
    formatError,
    logger,
    operations: metrics.webSocket,
    ...subscriptionOptions,
  });
  metrics.observeLive({
    source: 'salesforce',
    live: () => live?.stats(),
    webSocketClients: () => webSocket.clientCount(),
  });
  const apollo = createGatewayApollo({
    config,
    schema,
    httpServer,
    maxTokens: limits.maxTokens,
    validationRules: queryLimits.validationRules,
    formatError,
    drainPlugins: [drainLiveChangesPlugin(webSocket, live, httpServer)],
    limitPlugins: queryLimits.plugins,
    metricsPlugins: [metrics.apolloPlugin()],
    // In-flight requests may use all of SHUTDOWN_TIMEOUT_MS: main.ts's deadline (exit 1)
    // comes first; Apollo cuts what is left only after it (embedders without main.ts).
    drainGraceMs: config.shutdownTimeoutMs + 1_000,
  });
  // With a token, /metrics is also served on the main port (behind it); else only apart.
  const metricsToken = config.metrics.token;
  const metricsRoutes = metricsToken
    ? [{ path: '/metrics', handle: metricsHandler(metrics.registry, metricsToken) }]
    : [];
  httpServer.on(
    'request',
    createRequestListener({
      auth: () => auth,
      routes: [
        ...gatewayRoutes({ apollo, live, webSocketClients: () => webSocket.clientCount() }),
        ...metricsRoutes,
      ],
      logger,
    }),
  );
  await apollo.start();

  await listen(httpServer, config.port, config.host);
  const { port } = httpServer.address() as AddressInfo;
  const origin = `http://${formatHost(config.host)}:${port}`;
  const url = `${origin}/graphql`;

  let metricsServer: RunningMetricsServer | undefined;
  const stop = createShutdown({
    apollo,
    httpServer,
    webSocket,
    live,
    auth: () => auth,
    metricsServer: () => metricsServer,
    logger,
  });
  try {
    if (config.metrics.enabled) {
      metricsServer = await startMetricsServer({
        registry: metrics.registry,
        host: config.metrics.host,
        port: config.metrics.port,
        token: config.metrics.token,
      });
    }
    auth = await createGatewayAuth({
      config,
      publicUrl: config.auth.publicUrl ?? origin,
      integrationClient,
      logger,
      salesforceObserver: metrics.upstream.salesforce,
    });
  } catch (err) {
    await stop();
    throw err;
  }
  const ready = auth;

  return {
    url,
    auth: { mode: ready.mode, loginUrl: ready.loginUrl },
    resolveViewer: (headers) => ready.resolveViewer(headers),
    liveStats: () => live?.stats(),
    webSocketClients: () => webSocket.clientCount(),
    metricsUrl: metricsServer?.url,
    stop,
  };
}
