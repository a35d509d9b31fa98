import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { secondsSince, type OperationMetrics } from './operation-metrics';

/** A refusal before the pipeline: its code as the client will see it (Apollo's default 500). */
function refusal(error: Error) {
  const code = error instanceof GraphQLError ? error.extensions.code : undefined;
  return [{ message: error.message, extensions: { code: code ?? 'INTERNAL_SERVER_ERROR' } }];
}

/**
 * Operation latency and errors for GraphQL over HTTP. Apollo calls `willSendResponse` for
 * every request that reached its pipeline, refused ones included (a refusal thrown from
 * another plugin's `didResolveOperation`, such as the rate limit, counts as `rejected`).
 * Requests refused before it (credentials, malformed requests) count in the errors only.
 */
export function operationMetricsPlugin<TContext extends BaseContext>(
  metrics: OperationMetrics,
): ApolloServerPlugin<TContext> {
  return {
    // Refused before any operation: no credentials (UNAUTHENTICATED), a malformed request.
    async contextCreationDidFail({ error }) {
      metrics.countErrors(refusal(error));
    },
    async invalidRequestWasReceived({ error }) {
      metrics.countErrors(refusal(error));
    },
    async requestDidStart() {
      const start = process.hrtime.bigint();
      let executed = false;
      return {
        async executionDidStart() {
          executed = true;
        },
        async willSendResponse({ response, operation }) {
          const errors =
            response.body.kind === 'single'
              ? response.body.singleResult.errors
              : response.body.initialResult.errors;
          metrics.countErrors(errors);
          metrics.record({
            transport: 'http',
            operation,
            outcome: !executed ? 'rejected' : errors?.length ? 'error' : 'success',
            durationSeconds: secondsSince(start),
          });
        },
      };
    },
  };
}
