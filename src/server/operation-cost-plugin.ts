import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from '../context/gateway-context';
import type { AdmitOperation } from './operation-cost-admission';
import { rateLimitHeaders } from './rate-limit/rate-limit-headers';

/**
 * The HTTP side of the admission: once Apollo knows the operation (parsed, validated, named)
 * and before it executes. A refusal is thrown from `didResolveOperation`, which Apollo
 * answers without executing, with the status and headers of `extensions.http`.
 */
export function operationCostPlugin(admit: AdmitOperation): ApolloServerPlugin<GatewayContext> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        async didResolveOperation(requestContext) {
          const { contextValue, request, document, response, schema } = requestContext;
          const admission = await admit({
            document,
            variables: request.variables,
            operationName: request.operationName,
            viewer: contextValue.viewer,
            clientAddress: contextValue.clientAddress,
            schema,
          });
          const headers = admission.rateLimit ? rateLimitHeaders(admission.rateLimit) : [];
          if (admission.admitted) {
            for (const [name, value] of headers) response.http.headers.set(name, value);
            return;
          }
          // Apollo moves `extensions.http` into the response head and deletes it; the
          // gateway error stays the original, so formatError keeps its code and extensions.
          throw new GraphQLError(admission.error.message, {
            originalError: admission.error,
            extensions: {
              ...admission.error.extensions,
              http: { status: admission.status, headers: new HeaderMap(headers) },
            },
          });
        },
      }),
  };
}
