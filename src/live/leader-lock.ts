import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Redis } from 'ioredis';

export type LeadershipListener = (isLeader: boolean) => void;

/** Elects the one instance that holds the org's upstream CDC subscription. */
export interface LeaderLock {
  /**
   * Starts campaigning; `onChange` fires on every gain and loss of leadership. Resolves once
   * the first round decided (leader or not), so a follower knows it need not wait for an
   * upstream subscription of its own.
   */
  start(onChange: LeadershipListener): Promise<void>;
  isLeader(): boolean;
  /** Stops campaigning and releases the lock if held (no `onChange` call). */
  stop(): Promise<void>;
}

/** A single instance is always its own leader. */
export class MemoryLeaderLock implements LeaderLock {
  private leader = false;

  async start(onChange: LeadershipListener): Promise<void> {
    this.leader = true;
    onChange(true);
  }

  isLeader(): boolean {
    return this.leader;
  }

  async stop(): Promise<void> {
    this.leader = false;
  }
}

// Renew and release only our own lock: after a pause the key may belong to someone else.
const RENEW_SCRIPT = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE_SCRIPT = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

export interface RedisLeaderLockOptions {
  /** A connection the lock may use; the caller owns (and closes) it. */
  redis: Redis;
  key: string;
  /** Lock lifetime without renewal: how long a dead leader blocks a takeover. */
  ttlMs?: number;
  /** How often the leader renews and followers try to acquire. */
  renewEveryMs?: number;
  ownerId?: string;
  onError?: (error: unknown) => void;
}

/**
 * `SET key owner NX PX ttl` to acquire, a compare-and-`PEXPIRE` to renew. A leader that
 * cannot renew steps down before its key can expire, so two consumers overlap as little
 * as the clocks allow; a follower takes over within `ttlMs + renewEveryMs` of a crash.
 */
export class RedisLeaderLock implements LeaderLock {
  readonly ownerId: string;
  private readonly ttlMs: number;
  private readonly renewEveryMs: number;
  private readonly stepDownAfterMs: number;
  private leader = false;
  private lastRenewAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private inFlight = false;
  private onChange: LeadershipListener = () => {};
  private readonly onError: (error: unknown) => void;

  constructor(private readonly options: RedisLeaderLockOptions) {
    this.ttlMs = options.ttlMs ?? 5_000;
    this.renewEveryMs = options.renewEveryMs ?? 1_500;
    this.stepDownAfterMs = this.ttlMs - Math.min(1_000, this.renewEveryMs / 2);
    this.ownerId = options.ownerId ?? `${hostname()}:${process.pid}:${randomUUID()}`;
    this.onError = options.onError ?? (() => {});
  }

  async start(onChange: LeadershipListener): Promise<void> {
    if (this.timer) return;
    this.onChange = onChange;
    this.timer = setInterval(() => void this.tick(), this.renewEveryMs);
    await this.tick();
  }

  isLeader(): boolean {
    return this.leader;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    const wasLeader = this.leader;
    this.leader = false;
    if (!wasLeader) return;
    try {
      await this.options.redis.eval(RELEASE_SCRIPT, 1, this.options.key, this.ownerId);
    } catch (error) {
      // The key expires on its own within the TTL.
      this.onError(error);
    }
  }

  private async tick(): Promise<void> {
    if (this.leader && Date.now() - this.lastRenewAt >= this.stepDownAfterMs) {
      this.setLeader(false);
    }
    // A command stuck in a reconnecting client must not pile up more behind it.
    if (this.inFlight || !this.timer) return;
    this.inFlight = true;
    const startedAt = Date.now();
    try {
      if (this.leader) {
        const renewed = await this.options.redis.eval(
          RENEW_SCRIPT,
          1,
          this.options.key,
          this.ownerId,
          String(this.ttlMs),
        );
        if (renewed === 1) this.lastRenewAt = startedAt;
        else this.setLeader(false);
      } else {
        const acquired = await this.options.redis.set(
          this.options.key,
          this.ownerId,
          'PX',
          this.ttlMs,
          'NX',
        );
        if (acquired === 'OK' && this.timer) {
          this.lastRenewAt = startedAt;
          this.setLeader(true);
        } else if (acquired === 'OK') {
          // stop() ran while SET was in flight: give the lock back at once.
          await this.options.redis.eval(RELEASE_SCRIPT, 1, this.options.key, this.ownerId);
        }
      }
    } catch (error) {
      this.onError(error);
    } finally {
      this.inFlight = false;
    }
  }

  private setLeader(leader: boolean): void {
    if (this.leader === leader) return;
    this.leader = leader;
    this.onChange(leader);
  }
}
