import {
  BrokenCircuitError,
  BulkheadRejectedError,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  TimeoutStrategy,
  bulkhead,
  circuitBreaker,
  handleWhen,
  retry,
  timeout,
  wrap,
} from 'cockatiel';
import type { ResilienceConfig } from '../../config';
import type { Logger } from '../../logging/logger';

/** One upstream's breaker, bulkhead, timeout and retry settings (config: `<SERVICE>_*`). */
export type ResilienceSettings = ResilienceConfig;

export type BreakerState = 'closed' | 'open' | 'half-open';
export type RejectionReason = 'circuit-open' | 'bulkhead-full';

/** The gateway refused to call an upstream (open breaker, full bulkhead): nothing was sent. */
export class UpstreamRejectedError extends Error {
  constructor(
    readonly service: string,
    readonly reason: RejectionReason,
    readonly retryAfterSeconds: number,
  ) {
    super(
      reason === 'circuit-open'
        ? `${service} is failing; calls are paused for ${retryAfterSeconds} s (circuit breaker open)`
        : `${service} has too many calls in flight and waiting; try again shortly`,
    );
    this.name = 'UpstreamRejectedError';
  }
}

export interface ResilientCallOptions {
  /** Reads (and reads sent as POST, like composite retrieve): retried; DML never is. */
  idempotent: boolean;
  /** The operation's signal: cancels waiting in the queue, backoff sleeps and the attempt. */
  signal?: AbortSignal;
}

export interface UpstreamResilience {
  readonly service: string;
  /**
   * Runs `attempt` behind the breaker, bulkhead and timeout, retried when idempotent. The
   * attempt gets a signal that aborts on timeout or when the operation's signal aborts.
   */
  execute<T>(
    attempt: (signal: AbortSignal) => Promise<T>,
    options: ResilientCallOptions,
  ): Promise<T>;
  state(): BreakerState;
  /** Calls holding a bulkhead slot and calls queued for one, now. */
  load(): { executing: number; queued: number };
}

const STATES: Record<CircuitState, BreakerState> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'open',
};

/**
 * cockatiel policies for one upstream, outermost first: retry (idempotent calls only) →
 * circuit breaker → bulkhead → timeout. Each retry passes the breaker again, so an opening
 * breaker stops retries; the timeout runs inside the bulkhead, so queueing is not held
 * against the upstream. `isFailure` says which errors are the upstream's fault (5xx,
 * timeouts, connection errors): only those count for the breaker and are retried.
 */
export function createUpstreamResilience(
  service: string,
  settings: ResilienceSettings,
  isFailure: (error: unknown) => boolean,
  logger?: Logger,
): UpstreamResilience {
  const failures = handleWhen(isFailure);
  const breaker = circuitBreaker(failures, {
    halfOpenAfter: settings.halfOpenAfterMs,
    breaker: new ConsecutiveBreaker(settings.breakerThreshold),
  });
  let openedAt = 0;
  breaker.onBreak(() => {
    openedAt = Date.now();
    logger?.warn(
      { upstream: service, retryAfterMs: settings.halfOpenAfterMs },
      'circuit breaker opened: calls fail fast',
    );
  });
  breaker.onHalfOpen(() =>
    logger?.info({ upstream: service }, 'circuit breaker half-open: probing'),
  );
  breaker.onReset(() => logger?.info({ upstream: service }, 'circuit breaker closed'));
  const slots = bulkhead(settings.maxConcurrent, settings.maxQueued);
  // Cooperative: the attempt has settled (its body read) when it returns, so aborting its
  // signal then (cockatiel's default) cancels nothing; it only built a DOMException and woke
  // fetch's abort listeners on every call, ~2 % of the gateway's CPU in the bench profile.
  const deadline = timeout(settings.timeoutMs, {
    strategy: TimeoutStrategy.Cooperative,
    abortOnReturn: false,
  });
  const once = wrap(breaker, slots, deadline);
  const retried = wrap(
    retry(failures, {
      maxAttempts: settings.retries,
      backoff: new ExponentialBackoff({
        initialDelay: settings.retryBaseDelayMs,
        maxDelay: settings.retryMaxDelayMs,
      }),
    }),
    once,
  );

  const retryAfterSeconds = (): number =>
    Math.max(1, Math.ceil((openedAt + settings.halfOpenAfterMs - Date.now()) / 1000));

  return {
    service,
    async execute(attempt, options) {
      const policy = options.idempotent && settings.retries > 0 ? retried : once;
      try {
        return await policy.execute(({ signal }) => attempt(signal), options.signal);
      } catch (err) {
        if (err instanceof BrokenCircuitError) {
          throw new UpstreamRejectedError(service, 'circuit-open', retryAfterSeconds());
        }
        if (err instanceof BulkheadRejectedError) {
          throw new UpstreamRejectedError(service, 'bulkhead-full', 1);
        }
        throw err;
      }
    },
    state: () => STATES[breaker.state],
    load: () => ({
      executing: settings.maxConcurrent - slots.executionSlots,
      queued: settings.maxQueued - slots.queueSlots,
    }),
  };
}
