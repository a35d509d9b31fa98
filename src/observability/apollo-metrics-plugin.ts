import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { secondsSince, type OperationMetrics } from './operation-metrics';

/**
 * Operation latency and errors for GraphQL over HTTP. Apollo calls `willSendResponse` for
 * every request that reached its pipeline, refused ones included (a refusal thrown from
 * another plugin's `didResolveOperation`, such as the rate limit, counts as `rejected`).
 */
export function operationMetricsPlugin<TContext extends BaseContext>(
  metrics: OperationMetrics,
): ApolloServerPlugin<TContext> {
  return {
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
