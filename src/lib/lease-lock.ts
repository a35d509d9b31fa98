import { randomBytes } from 'node:crypto';

/**
 * A mutual-exclusion lease per key, on one instance (memory) or several (Redis): one process
 * refreshes a user's grant while the others wait for its result; two runs of the same sync
 * never overlap. Leases expire on their own, so a crashed holder blocks the key for at most
 * the TTL; a long holder renews its lease while it works.
 */
export interface LeaseLock {
  /** A holder token when acquired, undefined when another run holds the lease. */
  acquire(key: string, ttlMs: number): Promise<string | undefined>;
  /** Extends the lease when `holder` still owns it; false when it was lost. */
  renew(key: string, holder: string, ttlMs: number): Promise<boolean>;
  /** Releases only if `holder` still owns the lease (it may have expired and moved on). */
  release(key: string, holder: string): Promise<void>;
}

const newHolder = (): string => randomBytes(16).toString('base64url');

export class MemoryLeaseLock implements LeaseLock {
  private readonly leases = new Map<string, { holder: string; expiresAt: number }>();

  async acquire(key: string, ttlMs: number): Promise<string | undefined> {
    const now = Date.now();
    const lease = this.leases.get(key);
    if (lease && lease.expiresAt > now) return undefined;
    const holder = newHolder();
    this.leases.set(key, { holder, expiresAt: now + ttlMs });
    return holder;
  }

  async renew(key: string, holder: string, ttlMs: number): Promise<boolean> {
    const lease = this.leases.get(key);
    if (lease?.holder !== holder) return false;
    lease.expiresAt = Date.now() + ttlMs;
    return true;
  }

  async release(key: string, holder: string): Promise<void> {
    if (this.leases.get(key)?.holder === holder) this.leases.delete(key);
  }
}

/** The commands the Redis lease needs; an @redis/client v5 client (what @keyv/redis wraps). */
export interface RedisLeaseCommands {
  set(
    key: string,
    value: string,
    options: { condition: 'NX'; expiration: { type: 'PX'; value: number } },
  ): Promise<unknown>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

// Compare-and-act: after a pause the key may belong to the next holder; never touch theirs.
const RENEW_SCRIPT =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";
const RELEASE_SCRIPT =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

/** `SET key holder NX PX ttl` (https://redis.io/docs/latest/commands/set/#patterns). */
export class RedisLeaseLock implements LeaseLock {
  constructor(
    private readonly redis: RedisLeaseCommands,
    private readonly prefix: string,
  ) {}

  async acquire(key: string, ttlMs: number): Promise<string | undefined> {
    const holder = newHolder();
    const reply = await this.redis.set(`${this.prefix}${key}`, holder, {
      condition: 'NX',
      expiration: { type: 'PX', value: ttlMs },
    });
    return reply === 'OK' ? holder : undefined;
  }

  async renew(key: string, holder: string, ttlMs: number): Promise<boolean> {
    const reply = await this.redis.eval(RENEW_SCRIPT, {
      keys: [`${this.prefix}${key}`],
      arguments: [holder, String(ttlMs)],
    });
    return reply === 1;
  }

  async release(key: string, holder: string): Promise<void> {
    await this.redis.eval(RELEASE_SCRIPT, { keys: [`${this.prefix}${key}`], arguments: [holder] });
  }
}
