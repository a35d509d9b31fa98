import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import type { GatewayContext } from '../context/gateway-context';

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/** The context's partial errors, formatted like every other error and emptied. */
export function takePartialErrors(
  ctx: Pick<GatewayContext, 'partialErrors'> | undefined,
  formatError: FormatError,
): GraphQLFormattedError[] {
  const errors: GraphQLError[] = ctx?.partialErrors.splice(0) ?? [];
  return errors.map((error) => formatError(error.toJSON(), error));
}

/**
 * Adds the errors of fields that answered anyway (`ctx.partialErrors`) to the HTTP response:
 * `data` keeps everything that resolved, `errors` says which part is missing and why.
 */
export function partialErrorsPlugin(formatError: FormatError): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const extra = takePartialErrors(contextValue, formatError);
          if (extra.length === 0) return;
          const result = response.body.singleResult;
          result.errors = [...(result.errors ?? []), ...extra];
        },
      };
    },
  };
}
