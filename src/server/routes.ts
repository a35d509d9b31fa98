import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { toGraphQLError } from '../errors';
import type { LinkedServices } from '../upstreams/linked';
import type { SyncServices } from '../sync';
import { createContext, requestIdFrom, type GatewayContext } from '../context/gateway-context';
import type { LiveChanges } from '../live/live-changes';
import type { CrossRequestCache } from '../cache';
import type { DescribeCache } from '../upstreams/salesforce/describe-cache';
import type { ApiBudget } from '../upstreams/salesforce/api-budget';
import type { Logger } from '../logging/logger';
import type { GatewayAuth } from './gateway-auth';
import {
  handleHealthz,
  handleNotFound,
  handleReadyz,
  readinessDetailsAllowed,
} from './health-routes';
import { handleGraphQLRequest } from './http-adapter';
import type { HttpEdge } from './http-security/http-edge';
import { dashboardRoutes } from './dashboard/dashboard-routes';
import { restRoute, type RestContextFactory } from './rest';
import { operationAbortController } from './operation-abort';

export type RouteHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  auth: GatewayAuth,
) => Promise<void> | void;

export interface Route {
  path: string;
  /** Any method when absent. */
  method?: string;
  /** Paths it answers besides `path` itself (a route table of its own: REST). */
  matches?: (pathname: string) => boolean;
  handle: RouteHandler;
}

export interface GatewayRoutesDeps {
  apollo: ApolloServer<GatewayContext>;
  live: LiveChanges | undefined;
  webSocketClients(): number;
  /** Each operation logs through a child of it carrying its request id. */
  logger?: Logger;
  /** QUERY_MAX_ROWS: records one operation may read upstream. */
  maxRows?: number;
  /** The process's Stripe, Zendesk and QuickBooks clients. */
  linked?: LinkedServices;
  /** The sync mutations' state and leases. */
  sync?: SyncServices;
  /** The cross-request cache of Salesforce reads (HTTP queries read through it). */
  cache?: CrossRequestCache;
  /** The org's daily API allocation (apiUsage shows its reserve). */
  apiBudget?: ApiBudget;
  /** Apollo's formatError: REST answers a failed context creation (401) with it. */
  formatError?: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  /** Describes per viewer scope (picklist metadata). */
  describeCache?: DescribeCache;
}

/** Everything but /healthz and the auth module's /auth/* routes, which come first. */
export function gatewayRoutes({
  apollo,
  live,
  webSocketClients,
  logger,
  maxRows,
  linked,
  sync,
  cache,
  apiBudget,
  formatError,
  describeCache,
}: GatewayRoutesDeps): Route[] {
  // One context per operation, the same for /graphql and the REST routes.
  const contextFor: RestContextFactory = async (req, { resolveViewer }, request) => {
    const context = await createContext(
      {
        resolveViewer,
        ...(live ? { live } : {}),
        logger,
        maxRows,
        ...(linked ? { linked } : {}),
        ...(sync ? { sync } : {}),
        ...(cache ? { cache } : {}),
        ...(apiBudget ? { apiBudget } : {}),
        ...(describeCache ? { describeCache } : {}),
      },
      req.headers,
      request,
    );
    return { ...context, clientAddress: req.socket.remoteAddress };
  };
  const graphql: RouteHandler = async (req, res, auth) => {
    const requestId = requestIdFrom(req.headers['x-request-id']);
    res.setHeader('x-request-id', requestId);
    // A client that leaves before its answer is written (timeout, closed tab) stops the
    // operation's upstream calls: in flight ones are aborted, later ones never start.
    const abandoned = operationAbortController();
    res.once('close', () => {
      if (res.writableFinished) return;
      abandoned.abort();
      logger?.info({ requestId }, 'client went away; operation aborted');
    });
    await handleGraphQLRequest(apollo, req, res, async () => {
      try {
        return await contextFor(req, auth, { requestId, signal: abandoned.signal });
      } catch (err) {
        // Apollo would answer "Context creation failed" as a 500 with our message unmapped.
        throw toGraphQLError(err);
      }
    });
  };
  const readyz: RouteHandler = async (req, res, auth) => {
    const details = await readinessDetailsAllowed(auth, req.headers);
    await handleReadyz(
      res,
      async () => ({
        ...(await auth.readiness()),
        ...(live ? { cdc: live.stats(), webSocketClients: webSocketClients() } : {}),
        // `invalidation: ttl-only` says change events do not reach the cache now.
        cache: cache ? cache.status() : { enabled: false },
      }),
      { details },
    );
  };
  const redirectToGraphQL: RouteHandler = (_req, res) => {
    res.writeHead(302, { location: '/graphql' });
    res.end();
  };
  const rest = restRoute({ apollo, createContext: contextFor, formatError, logger });
  return [
    { path: '/graphql', handle: graphql },
    rest,
    { path: '/readyz', handle: readyz },
    { path: '/', method: 'GET', handle: redirectToGraphQL },
    ...dashboardRoutes(),
  ];
}

export interface RequestListenerDeps {
  /** Undefined until the server listens: the default public URL of auth needs the port. */
  auth(): GatewayAuth | undefined;
  routes: readonly Route[];
  /** Security headers and CORS on every response; answers CORS preflights. */
  edge: HttpEdge;
  logger: Logger;
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

/**
 * The one request listener of the http.Server that also carries the WebSocket upgrade:
 * the edge (headers, CORS preflight) first, /healthz always, 503 while starting, then the
 * auth routes, then the route table, else 404.
 */
export function createRequestListener({
  auth,
  routes,
  edge,
  logger,
}: RequestListenerDeps): RequestListener {
  async function dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Before auth and Apollo's CSRF prevention: a preflight carries no credentials.
    if (edge.handle(req, res)) return;
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    // Liveness says only that the process answers, so it does not wait for auth.
    if (pathname === '/healthz') {
      handleHealthz(res);
      return;
    }
    const ready = auth();
    if (!ready) {
      res.writeHead(503, { ...JSON_HEADERS, 'retry-after': '1' });
      res.end(JSON.stringify({ status: 'starting' }));
      return;
    }
    if (await ready.handleAuthRoute(req, res)) return;
    const route = routes.find(
      (r) =>
        (r.path === pathname || r.matches?.(pathname) === true) &&
        (r.method === undefined || r.method === req.method),
    );
    if (!route) {
      handleNotFound(res);
      return;
    }
    await route.handle(req, res, ready);
  }

  return (req, res) => {
    dispatch(req, res).catch((err: unknown) => {
      logger.error({ err }, 'request failed outside GraphQL');
      if (!res.headersSent) res.writeHead(500, JSON_HEADERS);
      res.end(
        JSON.stringify({
          errors: [
            { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
          ],
        }),
      );
    });
  };
}
