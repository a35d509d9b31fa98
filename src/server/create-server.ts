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
import { createContext, type GatewayContext } from './context';
import { createGatewayAuth, type GatewayAuth } from './gateway-auth';
import { handleHealthz, handleNotFound, handleReadyz } from './health-routes';
import { handleGraphQLRequest } from './http-adapter';
import { createLogger, type Logger } from './logger';
import { createQueryLimits, DEFAULT_QUERY_LIMITS, type QueryLimits } from './query-limits';
import { createSalesforceClient } from './salesforce-factory';
import { buildGatewaySchema } from './schema';

export interface CreateServerOptions {
  /** Replaces the integration client built from config (demo/integration modes; server tests). */
  salesforce?: SalesforceClient;
  limits?: QueryLimits;
  logger?: Logger;
}

export interface RunningGateway {
  /** `http://HOST:PORT/graphql` */
  url: string;
  /** The auth mode and, in user mode, where a browser starts the Salesforce login. */
  auth: { mode: GatewayAuth['mode']; loginUrl: string | undefined };
  /** The viewer resolver, for other transports (graphql-ws `onConnect`) to share. */
  resolveViewer: GatewayAuth['resolveViewer'];
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
  // User mode has no integration user: nothing reaches Salesforce without a signed-in viewer.
  const integrationClient =
    config.auth.mode === 'user'
      ? undefined
      : (options.salesforce ?? createSalesforceClient(config));
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
            { resolveViewer },
            req.headers,
            typeof requestId === 'string' ? requestId : undefined,
          );
        } catch (err) {
          // Apollo would answer "Context creation failed" as a 500 with our message unmapped.
          throw toGraphQLError(err);
        }
      });
    } else if (pathname === '/readyz') {
      await handleReadyz(res, auth.readiness);
    } else if (pathname === '/' && req.method === 'GET') {
      res.writeHead(302, { location: '/graphql' });
      res.end();
    } else {
      handleNotFound(res);
    }
  }

  const apollo = new ApolloServer<GatewayContext>({
    schema,
    introspection: true,
    includeStacktraceInErrorResponses: development,
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: queryLimits.validationRules,
    formatError: createFormatError({
      exposeInternals: development,
      onInternalError: (err) => logger.error({ err }, 'internal error in a GraphQL operation'),
    }),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
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
      await apollo.stop();
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
    stop,
  };
}
