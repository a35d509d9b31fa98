import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimitConfig } from '../../config';
import type { Logger } from '../../logging/logger';

/** What one request learnt about its client's budget. */
export interface RateLimitDecision {
  allowed: boolean;
  /** Points per window. */
  limit: number;
  windowSeconds: number;
  /** Points left in the current window, after this request. */
  remaining: number;
  /** Seconds until the window ends and the budget is whole again (at least 1). */
  resetSeconds: number;
}

export interface ClientRateLimiter {
  /**
   * Spends `points` of the client's budget. A refused request spends only 1 point: a client
   * that tries an expensive operation too early can still run cheap ones.
   */
  consume(key: string, points: number): Promise<RateLimitDecision>;
  close(): Promise<void>;
}

export interface RateLimiterDeps {
  settings: RateLimitConfig;
  /** Redis shares one budget among instances; memory (per instance) when unset. */
  redisUrl: string | undefined;
  logger: Logger;
}

type Limiter = RateLimiterMemory | RateLimiterRedis;

const toSeconds = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));

function watchRedis(redis: Redis, logger: Logger): void {
  // ioredis reports every failed reconnect; one line per outage is enough.
  let down = false;
  redis.on('error', (err: unknown) => {
    if (down) return;
    down = true;
    logger.warn(
      { err },
      'rate limiter: Redis unavailable, counting in this instance until it is back',
    );
  });
  redis.on('ready', () => {
    if (!down) return;
    down = false;
    logger.info('rate limiter: Redis is back, budgets are shared again');
  });
}

/** rate-limiter-flexible, fixed windows of `windowSeconds`, keys under `keyPrefix`. */
export function createClientRateLimiter(deps: RateLimiterDeps): ClientRateLimiter {
  const { points, windowSeconds, keyPrefix } = deps.settings;
  const options = { points, duration: windowSeconds, keyPrefix };
  const memory = new RateLimiterMemory(options);
  let redis: Redis | undefined;
  let limiter: Limiter = memory;
  if (deps.redisUrl !== undefined) {
    redis = new Redis(deps.redisUrl, {
      // A Redis outage must not hold requests: no queueing, no retries, a short timeout;
      // the per-instance memory limiter stands in meanwhile (insuranceLimiter).
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: 1_000,
      // ioredis waits this long for a stream that already failed to close (2 s by default).
      disconnectTimeout: 100,
    });
    watchRedis(redis, deps.logger);
    limiter = new RateLimiterRedis({
      ...options,
      storeClient: redis,
      rejectIfRedisNotReady: true,
      insuranceLimiter: memory,
    });
  }

  return {
    async consume(key, requested) {
      const spend = Math.max(1, Math.ceil(requested));
      try {
        const res = await limiter.consume(key, spend);
        return {
          allowed: true,
          limit: points,
          windowSeconds,
          remaining: res.remainingPoints,
          resetSeconds: toSeconds(res.msBeforeNext),
        };
      } catch (outcome) {
        if (!(outcome instanceof RateLimiterRes)) {
          // Neither Redis nor the stand-in answered: let the request through rather than
          // turn a limiter fault into an outage.
          deps.logger.warn({ err: outcome }, 'rate limiter failed; request not counted');
          return {
            allowed: true,
            limit: points,
            windowSeconds,
            remaining: points,
            resetSeconds: windowSeconds,
          };
        }
        if (spend > 1) {
          await limiter.reward(key, spend - 1).catch((err: unknown) => {
            deps.logger.warn({ err }, 'rate limiter could not refund a refused operation');
          });
        }
        return {
          allowed: false,
          limit: points,
          windowSeconds,
          // What is left once the refund is in: cheaper operations may still fit.
          remaining: Math.max(points - outcome.consumedPoints + spend - 1, 0),
          resetSeconds: toSeconds(outcome.msBeforeNext),
        };
      }
    },
    async close() {
      if (!redis) return;
      // QUIT waits for a connection; a client still trying to reach Redis just stops.
      if (redis.status === 'ready') await redis.quit().catch(() => redis?.disconnect());
      else redis.disconnect();
    },
  };
}
