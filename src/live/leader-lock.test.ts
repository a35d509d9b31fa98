import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { MemoryLeaderLock, RedisLeaderLock } from './leader-lock';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

function waitFor(predicate: () => boolean, timeoutMs: number): Promise<number> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (predicate()) resolve(Date.now() - started);
      else if (Date.now() - started > timeoutMs) reject(new Error('timed out'));
      else setTimeout(check, 20);
    };
    check();
  });
}

describe('MemoryLeaderLock', () => {
  it('is always the leader', async () => {
    const lock = new MemoryLeaderLock();
    const changes: boolean[] = [];
    lock.start((l) => changes.push(l));
    expect(changes).toEqual([true]);
    expect(lock.isLeader()).toBe(true);
    await lock.stop();
    expect(lock.isLeader()).toBe(false);
  });
});

describe('RedisLeaderLock (real Redis)', () => {
  const prefix = `atom-test:${randomUUID()}:cdc-leader`;
  let key = prefix;
  let admin: Redis;
  const leftovers: Array<() => Promise<unknown>> = [];
  const connection = (): Redis => {
    // No reconnects: disconnect() is how a test kills an instance.
    const redis = new Redis(REDIS_URL, { retryStrategy: () => null, maxRetriesPerRequest: 0 });
    redis.on('error', () => {});
    // A second disconnect() on a connection a test already killed arms ioredis' 2 s
    // "destroy the stream" timer, which nothing clears: it kept the jest worker alive.
    leftovers.push(async () => {
      if (redis.status !== 'end') redis.disconnect();
    });
    return redis;
  };

  beforeAll(() => {
    admin = new Redis(REDIS_URL);
  });

  beforeEach(() => {
    // One key per test: a lock left running by an earlier test must not interfere.
    key = `${prefix}:${randomUUID()}`;
  });

  afterAll(async () => {
    for (const dispose of leftovers.reverse()) await dispose();
    const keys = await admin.keys(`${prefix}:*`);
    if (keys.length > 0) await admin.del(...keys);
    await admin.quit();
  });

  it('elects exactly one of two instances and hands over on stop()', async () => {
    const events: string[] = [];
    const a = new RedisLeaderLock({ redis: connection(), key, ttlMs: 1500, renewEveryMs: 300 });
    const b = new RedisLeaderLock({ redis: connection(), key, ttlMs: 1500, renewEveryMs: 300 });
    leftovers.push(
      () => a.stop(),
      () => b.stop(),
    );
    a.start((l) => events.push(`a:${l}`));
    await waitFor(() => a.isLeader(), 2000);
    b.start((l) => events.push(`b:${l}`));
    await new Promise((r) => setTimeout(r, 900));
    expect(a.isLeader()).toBe(true);
    expect(b.isLeader()).toBe(false);
    expect(await admin.get(key)).toBe(a.ownerId);
    // The key outlives several TTLs because the leader renews it.
    expect(Number(await admin.pttl(key))).toBeGreaterThan(0);
    await a.stop();
    const tookMs = await waitFor(() => b.isLeader(), 2000);
    expect(tookMs).toBeLessThan(1000);
    expect(await admin.get(key)).toBe(b.ownerId);
    expect(events).toEqual(['a:true', 'b:true']);
    await b.stop();
    expect(await admin.get(key)).toBeNull();
  });

  it('fails over within the TTL when the holder dies without releasing', async () => {
    const redisA = connection();
    const lostA: boolean[] = [];
    const a = new RedisLeaderLock({ redis: redisA, key, ttlMs: 2000, renewEveryMs: 500 });
    const b = new RedisLeaderLock({ redis: connection(), key, ttlMs: 2000, renewEveryMs: 500 });
    leftovers.push(
      () => a.stop(),
      () => b.stop(),
    );
    a.start((l) => lostA.push(l));
    await waitFor(() => a.isLeader(), 2000);
    b.start(() => {});
    await new Promise((r) => setTimeout(r, 600));
    expect(b.isLeader()).toBe(false);
    // Kill A: its connection dies, so it can neither renew nor release.
    redisA.disconnect();
    const killedAt = Date.now();
    await waitFor(() => b.isLeader(), 4000);
    const takeoverMs = Date.now() - killedAt;
    expect(takeoverMs).toBeLessThanOrEqual(2000 + 500 + 300);
    // A steps down on its own once it could not renew for (almost) a TTL.
    await waitFor(() => !a.isLeader(), 3000);
    expect(lostA).toEqual([true, false]);
    expect(await admin.get(key)).toBe(b.ownerId);
  });

  it('never renews a key that now belongs to someone else', async () => {
    const lock = new RedisLeaderLock({ redis: connection(), key, ttlMs: 1000, renewEveryMs: 200 });
    leftovers.push(() => lock.stop());
    const changes: boolean[] = [];
    lock.start((l) => changes.push(l));
    await waitFor(() => lock.isLeader(), 2000);
    // Simulate expiry and another owner grabbing the key.
    await admin.set(key, 'someone-else', 'PX', 5000);
    await waitFor(() => !lock.isLeader(), 2000);
    expect(await admin.get(key)).toBe('someone-else');
    expect(changes).toEqual([true, false]);
    await lock.stop();
    // stop() must not delete the other owner's key.
    expect(await admin.get(key)).toBe('someone-else');
    await admin.del(key);
  });
});
