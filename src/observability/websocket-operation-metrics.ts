import type { GraphQLFormattedError, OperationDefinitionNode } from 'graphql';
import { secondsSince, type OperationMetrics } from './operation-metrics';

/**
 * graphql-ws runs operations outside Apollo, so its hooks report here. Operations are keyed
 * by the connection's context object and the client's operation id.
 */
export interface WebSocketOperationObserver {
  /** A `subscribe` message arrived. */
  started(connection: object, id: string): void;
  /** The document resolved to this operation (before cost and rate checks). */
  identified(connection: object, id: string, operation: OperationDefinitionNode): void;
  /** execute()/subscribe() returned: a result, or the event stream of a subscription. */
  executed(connection: object, id: string, result: unknown): void;
  /** Errors about to be sent (formatted): a refusal, a failed stream, or a result's errors. */
  sent(connection: object, id: string, errors: readonly GraphQLFormattedError[] | undefined): void;
}

interface Pending {
  start: bigint;
  operation: OperationDefinitionNode | undefined;
}

function hasErrors(result: unknown): boolean {
  if (typeof result !== 'object' || result === null || Symbol.asyncIterator in result) {
    return false;
  }
  const errors = (result as { errors?: unknown }).errors;
  return Array.isArray(errors) && errors.length > 0;
}

export function webSocketOperationObserver(metrics: OperationMetrics): WebSocketOperationObserver {
  const pending = new WeakMap<object, Map<string, Pending>>();
  const take = (connection: object, id: string): Pending | undefined => {
    const operations = pending.get(connection);
    const found = operations?.get(id);
    operations?.delete(id);
    return found;
  };
  return {
    started(connection, id) {
      let operations = pending.get(connection);
      if (!operations) {
        operations = new Map();
        pending.set(connection, operations);
      }
      operations.set(id, { start: process.hrtime.bigint(), operation: undefined });
    },
    identified(connection, id, operation) {
      const found = pending.get(connection)?.get(id);
      if (found) found.operation = operation;
    },
    executed(connection, id, result) {
      const found = take(connection, id);
      if (!found) return;
      metrics.record({
        transport: 'websocket',
        operation: found.operation,
        outcome: hasErrors(result) ? 'error' : 'success',
        durationSeconds: secondsSince(found.start),
      });
    },
    sent(connection, id, errors) {
      metrics.countErrors(errors);
      // Still pending: refused before it ran (syntax, validation, cost, rate limit).
      const found = take(connection, id);
      if (!found) return;
      metrics.record({
        transport: 'websocket',
        operation: found.operation,
        outcome: 'rejected',
        durationSeconds: secondsSince(found.start),
      });
    },
  };
}
