import type { GraphQLFormattedError, OperationDefinitionNode } from 'graphql';
import { Counter, Histogram, type Registry } from 'prom-client';
import { BoundedLabel } from './bounded-label';

export type Transport = 'http' | 'websocket';
/**
 * `success`: executed without errors; `error`: executed, with errors (partial data);
 * `rejected`: never executed (syntax, validation, cost or rate limit, unknown persisted query).
 */
export type Outcome = 'success' | 'error' | 'rejected';

export interface OperationRecord {
  transport: Transport;
  /** Undefined when no single operation was resolved from the document. */
  operation: OperationDefinitionNode | undefined;
  outcome: Outcome;
  durationSeconds: number;
}

export interface OperationMetricsOptions {
  /** Distinct operation names kept as labels; later names are `(other)`. Default 200. */
  maxOperationNames?: number;
}

export interface OperationMetrics {
  record(record: OperationRecord): void;
  /** Every error a client receives, by `extensions.code` (RATE_LIMITED included). */
  countErrors(errors: readonly GraphQLFormattedError[] | undefined): void;
}

const OPERATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** Codes are the gateway's own and Apollo's, a few dozen; the bound is a safety net. */
const MAX_ERROR_CODES = 64;

export function createOperationMetrics(
  registry: Registry,
  options: OperationMetricsOptions = {},
): OperationMetrics {
  const names = new BoundedLabel(options.maxOperationNames ?? 200);
  const codes = new BoundedLabel(MAX_ERROR_CODES);
  const duration = new Histogram({
    name: 'gateway_graphql_operation_duration_seconds',
    help: 'GraphQL operations from request to response (subscriptions: until the stream is set up)',
    labelNames: ['operation_name', 'operation_type', 'outcome', 'transport'],
    buckets: OPERATION_BUCKETS,
    registers: [registry],
  });
  const errors = new Counter({
    name: 'gateway_graphql_errors_total',
    help: 'Errors sent to clients, by extensions.code (RATE_LIMITED counts rate-limit rejections)',
    labelNames: ['code'],
    registers: [registry],
  });

  return {
    record({ transport, operation, outcome, durationSeconds }) {
      const name =
        operation === undefined
          ? '(unknown)'
          : operation.name === undefined
            ? '(anonymous)'
            : names.value(operation.name.value);
      duration.observe(
        {
          operation_name: name,
          operation_type: operation?.operation ?? 'unknown',
          outcome,
          transport,
        },
        durationSeconds,
      );
    },
    countErrors(list) {
      for (const error of list ?? []) {
        const code = error.extensions?.code;
        errors.inc({ code: typeof code === 'string' ? codes.value(code) : '(none)' });
      }
    },
  };
}

/** Seconds since `start` (a `process.hrtime.bigint()` reading). */
export function secondsSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}
