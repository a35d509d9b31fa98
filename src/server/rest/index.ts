import type { ApolloServer } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { requestIdFrom, type GatewayContext } from '../../context/gateway-context';
import type { Logger } from '../../logging/logger';
import type { Route } from '../routes';
import { createRestHandler, type RestContextFactory } from './rest-handler';
import { buildOpenApiDocument } from './rest-openapi';
import { REST_PREFIX, REST_ROUTES } from './rest-route-table';

export type { RestContextFactory } from './rest-handler';
export { OPENAPI_PATH } from './rest-handler';
export { REST_PREFIX, REST_ROUTES, restOperationDocuments } from './rest-route-table';
export { buildOpenApiDocument } from './rest-openapi';

/**
 * The REST API's own version (OpenAPI `info.version`), apart from the gateway's: a new major
 * only when a route changes incompatibly.
 */
export const REST_API_VERSION = '1.0.0';

export interface RestRouteDeps {
  apollo: ApolloServer<GatewayContext>;
  createContext: RestContextFactory;
  formatError?: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  logger?: Logger;
}

/**
 * Everything under /salesforce/: the REST endpoints, each a fixed GraphQL operation run
 * through the same Apollo server as /graphql, and their OpenAPI document.
 */
export function restRoute(deps: RestRouteDeps): Route {
  let document: unknown;
  const handle = createRestHandler({
    ...deps,
    routes: REST_ROUTES,
    openApi: () => (document ??= buildOpenApiDocument(REST_ROUTES, { version: REST_API_VERSION })),
  });
  return {
    path: REST_PREFIX,
    matches: (pathname) => pathname.startsWith(`${REST_PREFIX}/`),
    handle: async (req, res, auth) => {
      res.setHeader('x-request-id', requestIdFrom(req.headers['x-request-id']));
      await handle(req, res, auth);
    },
  };
}
