import { randomBytes } from 'node:crypto';

/**
 * A short mutual-exclusion lease per vault key so one process refreshes a user's grant while
 * the others wait for its result. Leases expire on their own, so a crashed holder cannot wedge
 * a user.
 */
export interface RefreshLock {
  /** A holder token when acquired, undefined when someone else holds the lease. */
  acquire(key: string, ttlMs: number): Promise<string | undefined>;
  /** Releases only if `holder` still owns the lease (it may have expired and moved on). */
  release(key: string, holder: string): Promise<void>;
}

export class MemoryRefreshLock implements RefreshLock {
  private readonly leases = new Map<string, { holder: string; expiresAt: number }>();

  async acquire(key: string, ttlMs: number): Promise<string | undefined> {
    const now = Date.now();
    const lease = this.leases.get(key);
    if (lease && lease.expiresAt > now) return undefined;
    const holder = randomBytes(16).toString('base64url');
    this.leases.set(key, { holder, expiresAt: now + ttlMs });
    return holder;
  }

  async release(key: string, holder: string): Promise<void> {
    if (this.leases.get(key)?.holder === holder) this.leases.delete(key);
  }
}

/** The two commands the Redis lease needs; satisfied by an @redis/client v5 client. */
export interface RedisLockCommands {
  set(
    key: string,
    value: string,
    options: { condition: 'NX'; expiration: { type: 'PX'; value: number } },
  ): Promise<unknown>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

// Compare-and-delete: a holder whose lease expired must not delete the next holder's lease.
const RELEASE_SCRIPT =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

/** `SET key holder NX PX ttl` lease (https://redis.io/docs/latest/commands/set/#patterns). */
export class RedisRefreshLock implements RefreshLock {
  constructor(
    private readonly redis: RedisLockCommands,
    private readonly prefix: string,
  ) {}

  async acquire(key: string, ttlMs: number): Promise<string | undefined> {
    const holder = randomBytes(16).toString('base64url');
    const reply = await this.redis.set(`${this.prefix}${key}`, holder, {
      condition: 'NX',
      expiration: { type: 'PX', value: ttlMs },
    });
    return reply === 'OK' ? holder : undefined;
  }

  async release(key: string, holder: string): Promise<void> {
    await this.redis.eval(RELEASE_SCRIPT, { keys: [`${this.prefix}${key}`], arguments: [holder] });
  }
}
