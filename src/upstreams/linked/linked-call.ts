import { setTimeout as sleep } from 'node:timers/promises';
import type { UpstreamResilience } from '../resilience';
import { UpstreamRejectedError } from '../resilience';
import {
  LINKED_SERVICE_LABELS,
  LinkedServiceError,
  type LinkedServiceName,
} from './linked-service-error';

export interface LinkedCallOptions {
  /** Reads are retried (5xx, timeouts, short 429s); writes never are. */
  idempotent: boolean;
  /** The operation's signal (client gone, operation aborted). */
  signal?: AbortSignal;
  /**
   * A 429 whose `Retry-After` is at most this many seconds is waited out and retried once
   * (reads only); a longer one fails at once with UPSTREAM_RATE_LIMITED and the delay.
   */
  maxRetryAfterSeconds?: number;
}

/** A 429 is waited out only when the wait is short: a query should not hang for a minute. */
const DEFAULT_MAX_RETRY_AFTER_SECONDS = 2;

/**
 * One call to a linked service behind its breaker, bulkhead, timeout and read retries
 * (cockatiel, `src/upstreams/resilience`), honouring `Retry-After` on 429. `attempt` must throw
 * LinkedServiceError for every failure (each service's client normalises its SDK's errors).
 */
export async function linkedCall<T>(
  resilience: UpstreamResilience,
  service: LinkedServiceName,
  attempt: (signal: AbortSignal) => Promise<T>,
  options: LinkedCallOptions,
): Promise<T> {
  const maxWait = options.maxRetryAfterSeconds ?? DEFAULT_MAX_RETRY_AFTER_SECONDS;
  const once = (): Promise<T> =>
    resilience.execute(attempt, {
      idempotent: options.idempotent,
      ...(options.signal ? { signal: options.signal } : {}),
    });
  try {
    try {
      return await once();
    } catch (err) {
      const wait = rateLimitWait(err, options.idempotent, maxWait);
      if (wait === undefined) throw err;
      await sleep(wait * 1000, undefined, options.signal ? { signal: options.signal } : {});
      return await once();
    }
  } catch (err) {
    throw normaliseRejection(service, err, options.signal);
  }
}

function rateLimitWait(err: unknown, idempotent: boolean, maxWait: number): number | undefined {
  if (!idempotent || !(err instanceof LinkedServiceError) || err.kind !== 'rate-limited') {
    return undefined;
  }
  const wait = err.retryAfterSeconds ?? 1;
  return wait <= maxWait ? wait : undefined;
}

/**
 * Open breakers, full bulkheads and timeouts become the service's `unavailable`. A timeout
 * reaches here as cockatiel's TaskCancelledError, or as the SDK's AbortError when the attempt
 * signal cut its request first; an abort of the operation itself (client gone) stays as is.
 */
function normaliseRejection(
  service: LinkedServiceName,
  err: unknown,
  operationSignal: AbortSignal | undefined,
): unknown {
  if (err instanceof LinkedServiceError) return err;
  const label = LINKED_SERVICE_LABELS[service];
  if (err instanceof Error && err.name === 'AbortError' && !operationSignal?.aborted) {
    return new LinkedServiceError(service, 'unavailable', `${label} did not answer in time`);
  }
  if (err instanceof UpstreamRejectedError) {
    return new LinkedServiceError(service, 'unavailable', err.message, {
      retryAfterSeconds: err.retryAfterSeconds,
    });
  }
  if (err instanceof Error && err.name === 'TaskCancelledError') {
    return new LinkedServiceError(service, 'unavailable', `${label} did not answer in time`);
  }
  return err;
}
