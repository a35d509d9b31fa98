import {
  createServer as createHttpServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { GatewayConfig } from '../config';
import { createFormatError, toGraphQLError } from '../errors';
import type { SalesforceClient } from '../upstreams/salesforce/client';
import { createContext, type GatewayContext } from '../context/gateway-context';
import { createGatewayAuth, type GatewayAuth } from './gateway-auth';
import { handleHealthz, handleNotFound, handleReadyz } from './health-routes';
import { handleGraphQLRequest } from './http-adapter';
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
  /**
   * Drains HTTP, closes WebSocket clients with 1001, stops the CDC bridge after flushing its
   * replayId, then closes auth stores.
   */
  stop(): Promise<void>;
}

function formatHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

export async function createServer(
  config: GatewayConfig,
  options: CreateServerOptions = {},
): Promise<RunningGateway> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const development = config.nodeEnv === 'development';
  const subscriptionOptions = options.subscriptions ?? {};
  // The integration user's session: requests in demo/integration modes, and in every mode
  // the org's one CDC subscription. An injected client comes without one (no live changes).
  const integrationSession =
    options.salesforce === undefined && hasIntegrationCredential(config)
      ? createIntegrationSession(config)
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

  const httpServer = createHttpServer((req: IncomingMessage, res: ServerResponse) => {
    route(req, res).catch((err: unknown) => {
      logger.error({ err }, 'request failed outside GraphQL');
      if (!res.headersSent)
        res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
      res.end(
        JSON.stringify({
          errors: [
            { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
          ],
        }),
      );
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (pathname === '/healthz') {
      handleHealthz(res);
      return;
    }
    if (!auth) {
      res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'retry-after': '1' });
      res.end(JSON.stringify({ status: 'starting' }));
      return;
    }
    const { resolveViewer } = auth;
    if (await auth.handleAuthRoute(req, res)) return;
    if (pathname === '/graphql') {
      const requestId = req.headers['x-request-id'];
      await handleGraphQLRequest(apollo, req, res, async () => {
        try {
          return await createContext(
            { resolveViewer, ...(live ? { live } : {}) },
            req.headers,
            typeof requestId === 'string' ? requestId : undefined,
          );
        } catch (err) {
          // Apollo would answer "Context creation failed" as a 500 with our message unmapped.
          throw toGraphQLError(err);
        }
      });
    } else if (pathname === '/readyz') {
      const readiness = auth.readiness;
      await handleReadyz(res, async () => ({
        ...(await readiness()),
        ...(live ? { cdc: live.stats(), webSocketClients: webSocket.clientCount() } : {}),
      }));
    } else if (pathname === '/' && req.method === 'GET') {
      res.writeHead(302, { location: '/graphql' });
      res.end();
    } else {
      handleNotFound(res);
    }
  }

  const formatError = createFormatError({
    exposeInternals: development,
    onInternalError: (err) => logger.error({ err }, 'internal error in a GraphQL operation'),
  });
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
    ...subscriptionOptions,
  });

  const apollo = new ApolloServer<GatewayContext>({
    schema,
    introspection: true,
    includeStacktraceInErrorResponses: development,
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: queryLimits.validationRules,
    formatError,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      {
        // Apollo's graphql-ws recipe: clients get 1001 while HTTP drains; the bridge stops
        // after them, flushing the last processed replayId for the next start to resume from.
        async serverWillStart() {
          return {
            async drainServer() {
              await webSocket.dispose();
              await live?.stop();
            },
          };
        },
      },
      ApolloServerPluginCacheControlDisabled(),
      config.nodeEnv === 'production'
        ? ApolloServerPluginLandingPageDisabled()
        : ApolloServerPluginLandingPageLocalDefault({
            embed: true,
            // The Sandbox then runs as the browser's signed-in user (session cookie).
            includeCookies: config.auth.mode === 'user',
          }),
      ...queryLimits.plugins,
    ],
  });
  await apollo.start();

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const { port } = httpServer.address() as AddressInfo;
  const origin = `http://${formatHost(config.host)}:${port}`;
  const url = `${origin}/graphql`;

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      // The drain plugin closes the http server and waits for in-flight requests.
      try {
        await apollo.stop();
      } catch (err) {
        // apollo.stop() refuses before start() finished; the sockets and bridge still go.
        logger.warn({ err }, 'Apollo did not stop cleanly');
        await webSocket.dispose();
        await live?.stop();
      }
      if (httpServer.listening) {
        await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      }
      // After the drain: in-flight requests may still refresh tokens or end sessions.
      await auth?.close();
    })();
    return stopping;
  };

  try {
    auth = await createGatewayAuth({
      config,
      publicUrl: config.auth.publicUrl ?? origin,
      integrationClient,
      logger,
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
    stop,
  };
}
