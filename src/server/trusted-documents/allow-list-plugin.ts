import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { TrustedDocumentList } from './manifest';
import { allowListRefusal, persistedQueryOf, requestErrorStatus } from './request-documents';

/**
 * What Apollo parses and validates in place of a refused document. Apollo 5 has no hook
 * before parsing that may end a request with an error (a throw from `requestDidStart` is a
 * 500), and `didResolveOperation`, which may, comes after validation: so the refused text is
 * swapped for this constant, and the client's own text is never parsed, validated (no schema
 * probing through validation messages) or registered.
 */
export const REFUSED_DOCUMENT = 'query PersistedQueryRequired { __typename }';

/** Allow-list mode over HTTP: only the manifest's operations, by hash or by exact text. */
export function allowListPlugin<TContext extends BaseContext>(
  list: TrustedDocumentList,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ request }) {
      const refusal = allowListRefusal(request.query, persistedQueryOf(request.extensions), list);
      if (!refusal) return undefined;
      const status = requestErrorStatus(request.http?.headers.get('accept'));
      refusal.extensions.http = { status };
      request.query = REFUSED_DOCUMENT;
      request.operationName = undefined;
      request.variables = undefined;
      request.extensions = undefined;
      return {
        async didResolveOperation() {
          throw refusal;
        },
      };
    },
  };
}
