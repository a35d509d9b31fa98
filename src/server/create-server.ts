import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GatewayConfig } from '../config';
import { createFormatError } from '../errors';
import type { SalesforceClient } from '../upstreams/salesforce/client';
import { createGatewayAuth, type GatewayAuth } from './gateway-auth';
import { createRotatingSecretStore } from '../auth/rotating-secret-store';
import { parseEncryptionKeys } from '../auth/encryption-keys';
import { createLogger, type Logger } from '../logging/logger';
import { createQueryLimits, type QueryLimits } from './query-limits';
import { createOperationAdmission } from './operation-cost-admission';
import { operationCostPlugin } from './operation-cost-plugin';
import { partialErrorsPlugin } from './partial-errors-plugin';
import { createClientRateLimiter } from './rate-limit/rate-limiter';
import type { LiveChanges, LiveChangesOptions, LiveChangesStats } from '../live/live-changes';
import { loadCustomFields } from './custom-fields';
import { startSalesforceLiveChanges, webhookSources } from './live-wiring';
import { webhookRoutes } from './webhooks/webhook-routes';
import { startSalesforceCache } from './cache-wiring';
import { ApiBudget } from '../upstreams/salesforce/api-budget';
import { cacheReadsPlugin } from './cache-reads-plugin';
import type { CacheStatus } from '../cache';
import {
  createIntegrationSession,
  createSalesforceClient,
  hasIntegrationCredential,
} from '../upstreams/salesforce/integration-client';
import { createSalesforceResilience } from '../upstreams/salesforce/salesforce-resilience';
import { createGatewayResilience, type GatewayResilience } from '../upstreams/resilience';
import {
  createLinkedResilienceSet,
  createLinkedUpstreams,
  type LinkedServiceName,
  type LinkedServices,
} from '../upstreams/linked';
import { createSyncServices } from '../sync';
import { buildGatewaySchema } from './schema';
import { createSchemaReloader, reloadSchemaRoute, type SchemaReloadResult } from './schema-reload';
import { DescribeCache } from '../upstreams/salesforce/describe-cache';
import { createSwappableSchema } from './swappable-schema';
import { attachGraphQLWebSocket, type WebSocketLimits } from './websocket-server';
import type { SharedSubscriptionStats } from './shared-subscriptions';
import { createGatewayApollo } from './apollo-server';
import { createRequestListener, gatewayRoutes } from './routes';
import { createShutdown, drainLiveChangesPlugin } from './shutdown';
import { introspectionDisabledRule } from './introspection-rule';
import { createTrustedDocuments } from './trusted-documents';
import { restOperationDocuments } from './rest';
import { dashboardOperationDocuments } from './dashboard/dashboard-operations';
import { createHttpEdge } from './http-security/http-edge';
import { createOriginAllowList } from './http-security/origin-allow-list';
import { createWebSocketOriginCheck } from './http-security/websocket-origin';
import {
  createGatewayMetrics,
  metricsHandler,
  startMetricsServer,
  type RunningMetricsServer,
  type UpstreamCallObserver,
} from '../observability';

export interface CreateServerOptions {
  /** Replaces the integration client built from config (demo/integration modes; server tests). */
  salesforce?: SalesforceClient;
  limits?: QueryLimits;
  logger?: Logger;
  /** graphql-ws and Change Data Capture settings; `enabled: false` turns live changes off. */
  subscriptions?: LiveChangesOptions & WebSocketLimits & { enabled?: boolean };
  /** The sync mutations' state: key namespace (default `<SUBSCRIPTIONS_NAMESPACE>:sync`), lease TTL. */
  sync?: { namespace?: string; lockTtlMs?: number };
}

type UpstreamName = 'salesforce' | LinkedServiceName;

export interface RunningGateway {
  /** `http://HOST:PORT/graphql` */
  url: string;
  /** The auth mode and, in user mode, where a browser starts the Salesforce login. */
  auth: { mode: GatewayAuth['mode']; loginUrl: string | undefined };
  /** The viewer resolver, for other transports (graphql-ws `onConnect`) to share. */
  resolveViewer: GatewayAuth['resolveViewer'];
  /** The CDC bridge of this instance; undefined when live changes are off. */
  liveStats(): LiveChangesStats | undefined;
  /** The cross-request cache's counters and mode; undefined when CACHE_ENABLED=false. */
  cacheStatus(): CacheStatus | undefined;
  webSocketClients(): number;
  /** Subscriptions sharing executions: groups, members and executions so far. */
  subscriptionSharing(): SharedSubscriptionStats;
  /** Per upstream breaker state and bulkhead load, read-only (/readyz, metrics). */
  resilience: Pick<GatewayResilience<UpstreamName>, 'state' | 'load'>;
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
  // First: a bad allow-list manifest stops the start before anything else is running.
  const trustedDocuments = await createTrustedDocuments(config.apiSurface.trustedDocuments, {
    redisUrl: config.redisUrl,
    logger,
    // The REST routes' and the dashboard's operations are the server's own: allowed in every mode.
    serverDocuments: [...restOperationDocuments(), ...dashboardOperationDocuments()],
  });
  // One breaker, bulkhead and retry policy per upstream for the whole process.
  // Per instance, never prom-client's global registry: tests run several gateways at once.
  const metricsServed = config.metrics.enabled || config.metrics.token !== undefined;
  const metrics = createGatewayMetrics({ processMetrics: metricsServed });
  const linkedResilience = createLinkedResilienceSet(config.linked, logger, (service) =>
    metrics.upstream.linked(service),
  );
  const resilience = createGatewayResilience<UpstreamName>({
    salesforce: createSalesforceResilience(config.resilience.salesforce, logger),
    ...linkedResilience,
  });
  // QuickBooks rotates its refresh token: the newest is sealed and shared (Redis when set).
  const linkedSecrets =
    config.linked.quickbooks.mode === 'off'
      ? undefined
      : await createRotatingSecretStore({
          keyring: parseEncryptionKeys(config.auth.tokenEncryptionKeys),
          redisUrl: config.redisUrl,
          namespace: `${config.subscriptionsNamespace}:linked`,
        });
  const linked: LinkedServices = {
    upstreams: createLinkedUpstreams(config.linked, linkedResilience, logger, linkedSecrets),
    linkFields: config.linked.linkFields,
  };
  // Watermarks, fingerprints and leases of the sync mutations (Redis when set: every instance).
  const sync = await createSyncServices({
    namespace: options.sync?.namespace ?? `${config.subscriptionsNamespace}:sync`,
    ...(config.redisUrl ? { redisUrl: config.redisUrl } : {}),
    ...(options.sync?.lockTtlMs !== undefined ? { lockTtlMs: options.sync.lockTtlMs } : {}),
  });
  // The org's daily allocation, read from every Salesforce response's Sforce-Limit-Info.
  const apiBudget = new ApiBudget(config.apiReservePercent);
  const salesforceObserver: UpstreamCallObserver = (call) => {
    metrics.upstream.salesforce(call);
    apiBudget.observe(call);
  };
  const salesforceClientOptions = {
    resilience: resilience.upstreams.salesforce,
    logger,
    budget: apiBudget,
  };
  // The integration user's session: requests in demo/integration modes, and in every mode
  // the org's one CDC subscription. An injected client comes without one (no live changes).
  const integrationSession =
    options.salesforce === undefined && hasIntegrationCredential(config)
      ? createIntegrationSession(config, salesforceObserver)
      : undefined;
  // User mode has no integration user for requests: nothing reaches Salesforce without a
  // signed-in viewer; the CDC consumer alone uses the integration credential, when set.
  const integrationClient =
    config.auth.mode === 'user'
      ? undefined
      : (options.salesforce ??
        createSalesforceClient(config, integrationSession, salesforceClientOptions));
  // The integration user's client of live changes: CDC GAP re-reads, webhook Account links.
  const liveClient =
    integrationSession &&
    (integrationClient ??
      createSalesforceClient(config, integrationSession, salesforceClientOptions));
  const live: LiveChanges | undefined =
    integrationSession && liveClient && subscriptionOptions.enabled !== false
      ? await startSalesforceLiveChanges({
          session: integrationSession,
          client: liveClient,
          redisUrl: config.redisUrl,
          logger,
          options: subscriptionOptions,
        })
      : undefined;
  const runningCache = await startSalesforceCache({
    config,
    live,
    registry: metrics.registry,
    logger,
  });
  const cache = runningCache?.cache;
  // Built once the server listens (the default public URL needs the port); until then 503.
  let auth: GatewayAuth | undefined;
  const limits = options.limits ?? config.queryLimits;
  const queryLimits = createQueryLimits(limits, {
    maskSuggestions: config.nodeEnv !== 'development',
  });
  // Described as the integration user (user mode: when an integration credential is set).
  const describeClient =
    integrationClient ??
    (integrationSession
      ? createSalesforceClient(config, integrationSession, salesforceClientOptions)
      : undefined);
  const customFields = await loadCustomFields({
    selection: config.customFields,
    client: describeClient,
    logger,
  });
  const schema = createSwappableSchema(await buildGatewaySchema(customFields));
  const reloadSchema = createSchemaReloader({
    selection: config.customFields,
    client: describeClient,
    schema,
    initialFields: customFields,
    logger,
  });
  // Picklist metadata per viewer scope; a schema reload or refreshCache empties it.
  const describeCache = new DescribeCache();
  const reloadSchemaAndDescribes = async (): Promise<SchemaReloadResult> => {
    const result = await reloadSchema();
    describeCache.clear();
    return result;
  };
  const rateLimiter = config.rateLimit.enabled
    ? createClientRateLimiter({ settings: config.rateLimit, redisUrl: config.redisUrl, logger })
    : undefined;
  const admitOperation = createOperationAdmission({
    schema: () => schema.current(),
    maxCost: limits.maxCost,
    maxPageSize: config.maxPageSize,
    rateLimiter,
  });
  const { apiSurface } = config;
  if (apiSurface.debugErrors) {
    logger.warn('DEBUG_ERRORS=true: internal error messages and stack traces reach clients');
  }
  const formatError = createFormatError({
    exposeInternals: apiSurface.debugErrors,
    hideSuggestions: !apiSurface.suggestions,
    onInternalError: (err) => logger.error({ err }, 'internal error in a GraphQL operation'),
  });
  // HTTP and graphql-ws validate with the same rules.
  const validationRules = [
    ...queryLimits.validationRules,
    ...(apiSurface.introspection ? [] : [introspectionDisabledRule]),
  ];

  const allowList = createOriginAllowList({
    mode: config.auth.mode,
    corsOrigins: config.corsOrigins,
  });
  // Needs the public origin, known once the server listens; no upgrade arrives before.
  const upgradeOrigin: { check?: (req: IncomingMessage) => boolean } = {};
  const httpServer = createHttpServer();
  const webSocket = attachGraphQLWebSocket({
    httpServer,
    schema: () => schema.current(),
    path: '/graphql',
    resolveViewer: () => auth?.resolveViewer,
    live,
    validationRules,
    maxTokens: limits.maxTokens,
    admitOperation,
    // graphql-ws puts an internal error's message in the close reason unless "prod".
    isProd: !apiSurface.debugErrors,
    formatError,
    resolveDocument: trustedDocuments.resolveSubscribe,
    logger,
    verifyUpgrade: (req) => upgradeOrigin.check?.(req) ?? false,
    maxRows: config.queryMaxRows,
    linked,
    sync,
    describeCache,
    operations: metrics.webSocket,
    ...subscriptionOptions,
  });
  metrics.observeLive({
    source: 'salesforce',
    live: () => live?.stats(),
    webSocketClients: () => webSocket.clientCount(),
    subscriptionSharing: () => webSocket.sharedSubscriptions(),
  });
  const apollo = createGatewayApollo({
    config,
    schema,
    httpServer,
    maxTokens: limits.maxTokens,
    validationRules,
    formatError,
    drainPlugins: [drainLiveChangesPlugin(webSocket, live, httpServer)],
    limitPlugins: [
      ...queryLimits.plugins,
      operationCostPlugin(admitOperation),
      partialErrorsPlugin(formatError),
      cacheReadsPlugin(),
    ],
    trustedDocuments,
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
        ...gatewayRoutes({
          apollo,
          live,
          webSocketClients: () => webSocket.clientCount(),
          logger,
          maxRows: config.queryMaxRows,
          linked,
          sync,
          ...(cache ? { cache } : {}),
          apiBudget,
          formatError,
          describeCache,
        }),
        ...metricsRoutes,
        reloadSchemaRoute(reloadSchemaAndDescribes, logger),
        ...webhookRoutes(
          webhookSources({
            config: config.webhooks,
            salesforce: liveClient,
            live,
            linked,
            maxRows: config.queryMaxRows,
            logger,
            observe: metrics.webhooks,
          }),
        ),
      ],
      edge: createHttpEdge({ allowList, publicUrl: config.auth.publicUrl }),
      logger,
    }),
  );
  await apollo.start();

  await listen(httpServer, config.port, config.host);
  const { port } = httpServer.address() as AddressInfo;
  const origin = `http://${formatHost(config.host)}:${port}`;
  const url = `${origin}/graphql`;
  upgradeOrigin.check = createWebSocketOriginCheck({
    allowList,
    publicOrigin: new URL(config.auth.publicUrl ?? origin).origin,
  });

  let metricsServer: RunningMetricsServer | undefined;
  const halt = createShutdown({
    apollo,
    httpServer,
    webSocket,
    live,
    auth: () => auth,
    metricsServer: () => metricsServer,
    logger,
  });
  // The cache stops listening before the live-changes core stops, and closes after the drain.
  const stop = () =>
    (runningCache?.stopListening() ?? Promise.resolve())
      .then(halt)
      .finally(() =>
        Promise.all([
          rateLimiter?.close(),
          linkedSecrets?.close(),
          runningCache?.close(),
          sync.close(),
        ]),
      );
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
      salesforceResilience: resilience.upstreams.salesforce,
      salesforceObserver,
      salesforceBudget: apiBudget,
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
    cacheStatus: () => cache?.status(),
    webSocketClients: () => webSocket.clientCount(),
    subscriptionSharing: () => webSocket.sharedSubscriptions(),
    resilience: { state: () => resilience.state(), load: () => resilience.load() },
    metricsUrl: metricsServer?.url,
    stop,
  };
}
