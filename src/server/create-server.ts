import {
  createServer as createHttpServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { GatewayConfig } from '../config';
import { createFormatError, toGraphQLError } from '../errors';
import type { SalesforceClient } from '../upstreams/salesforce/client';
import { createContext, type GatewayContext } from './context';
import { handleHealthz, handleNotFound, handleReadyz } from './health-routes';
import { handleGraphQLRequest } from './http-adapter';
import { createLogger, type Logger } from './logger';
import { createQueryLimits, DEFAULT_QUERY_LIMITS, type QueryLimits } from './query-limits';
import { createSalesforceClient } from './salesforce-factory';
import { buildGatewaySchema } from './schema';
import { createIntegrationViewerProvider } from './viewer-provider';

export interface CreateServerOptions {
  /** Replaces the jsforce client built from config (tests of the server itself). */
  salesforce?: SalesforceClient;
  limits?: QueryLimits;
  logger?: Logger;
}

export interface RunningGateway {
  /** `http://HOST:PORT/graphql` */
  url: string;
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
  const salesforce = options.salesforce ?? createSalesforceClient(config);
  const resolveViewer = createIntegrationViewerProvider(
    salesforce,
    config.salesforce.mode === 'emulator' ? 'demo' : 'integration',
  );
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
    if (pathname === '/graphql') {
      const requestId = req.headers['x-request-id'];
      await handleGraphQLRequest(apollo, req, res, async () => {
        try {
          return await createContext(
            { salesforce, resolveViewer },
            typeof requestId === 'string' ? requestId : undefined,
          );
        } catch (err) {
          // Apollo would answer "Context creation failed" as a 500 with our message unmapped.
          throw toGraphQLError(err);
        }
      });
    } else if (pathname === '/healthz') {
      handleHealthz(res);
    } else if (pathname === '/readyz') {
      await handleReadyz(res, salesforce);
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
      config.nodeEnv === 'production'
        ? ApolloServerPluginLandingPageDisabled()
        : ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false }),
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
  const url = `http://${formatHost(config.host)}:${port}/graphql`;

  // Warm the viewer so the first request does not pay for the identity call; an outage
  // here is not fatal: /readyz reports it and the next request retries.
  await resolveViewer().catch((err: unknown) =>
    logger.warn({ err }, 'Salesforce identity not available yet'),
  );

  let stopping: Promise<void> | undefined;
  return {
    url,
    stop() {
      stopping ??= (async () => {
        // The drain plugin closes the http server and waits for in-flight requests.
        await apollo.stop();
        if (httpServer.listening) {
          await new Promise<void>((resolve) => httpServer.close(() => resolve()));
        }
      })();
      return stopping;
    },
  };
}
