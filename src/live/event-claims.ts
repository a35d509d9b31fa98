import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';

/**
 * "Has this event been handled?", asked by every instance that may receive a delivery: a
 * webhook sender retries (Stripe for up to three days) and may reach any instance. The first
 * `claim` of a key wins; a failed handling `release`s it, so the sender's retry is processed.
 */
export interface EventClaims {
  /** True for the first claim of `key` within the TTL, false for every later one. */
  claim(key: string): Promise<boolean>;
  /** Forgets a claim whose handling failed. */
  release(key: string): Promise<void>;
}

/** How long a delivered event id is remembered: Stripe retries for up to 3 days. */
export const DEFAULT_CLAIM_TTL_MS = 3 * 24 * 60 * 60 * 1000;

/** Per process: enough for one instance (the demo, tests without Redis). */
export function memoryEventClaims(
  options: { ttlMs?: number; maxEntries?: number } = {},
): EventClaims {
  const seen = new LRUCache<string, true>({
    max: options.maxEntries ?? 100_000,
    ttl: options.ttlMs ?? DEFAULT_CLAIM_TTL_MS,
  });
  return {
    claim(key) {
      if (seen.has(key)) return Promise.resolve(false);
      seen.set(key, true);
      return Promise.resolve(true);
    },
    release(key) {
      seen.delete(key);
      return Promise.resolve();
    },
  };
}

/** Shared by every instance on one Redis: `SET key 1 NX PX ttl` is the one atomic claim. */
export function redisEventClaims(
  redis: Redis,
  prefix: string,
  options: { ttlMs?: number } = {},
): EventClaims {
  const ttlMs = options.ttlMs ?? DEFAULT_CLAIM_TTL_MS;
  return {
    async claim(key) {
      return (await redis.set(`${prefix}${key}`, '1', 'PX', ttlMs, 'NX')) === 'OK';
    },
    async release(key) {
      await redis.del(`${prefix}${key}`);
    },
  };
}
