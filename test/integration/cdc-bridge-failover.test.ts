/**
 * Two bridges (two "instances") sharing Redis: one consumes the emulator's CDC stream, both
 * fan out through Redis pub/sub. Killing the consumer's lock connection hands the stream to
 * the other, which resumes from the replayId in Redis: subscribers on both keep receiving
 * every event, once.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Connection } from 'jsforce';
import { startSalesforceEmulator } from '../../src/emulators/salesforce';
import { CdcBridge } from '../../src/live/change-bridge';
import { JsforceChangeEventSource } from '../../src/upstreams/salesforce/cdc/jsforce-change-event-source';
import { SalesforceChangeSource } from '../../src/upstreams/salesforce/cdc/salesforce-change-source';
import { RedisLeaderLock } from '../../src/live/leader-lock';
import type { NormalizedChange } from '../../src/live/normalized-change';
import type { PubSubIterator } from '../../src/live/pubsub/pubsub';
import { RedisPubSub } from '../../src/live/pubsub/redis-pubsub';
import { createReplayStore } from '../../src/live/replay-store';
import { recordChangedTopic } from '../../src/live/topics';
import { flushLeftovers, ignoringErrors, leftovers } from '../helpers/leftovers';
import { connectToEmulator, loginAs } from '../helpers/salesforce-target';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `atom-test:${randomUUID()}:`;

type Emulator = Awaited<ReturnType<typeof startSalesforceEmulator>>;
let emulator: Emulator;
let writer: Connection;

interface Instance {
  bridge: CdcBridge;
  lock: RedisLeaderLock;
  lockRedis: Redis;
  iterator: PubSubIterator<NormalizedChange>;
}

/** CometD subscriptions the org has confirmed, across instances. */
let confirmedSubscriptions = 0;

async function startInstance(): Promise<Instance> {
  const conn = await connectToEmulator(emulator.url, 'integration');
  const pubsub = new RedisPubSub({ redisUrl: REDIS_URL, channelPrefix: prefix });
  const replay = await createReplayStore({ redisUrl: REDIS_URL, namespace: `${prefix}cdc` });
  // No reconnects: disconnecting this connection is how the test kills the instance.
  const lockRedis = new Redis(REDIS_URL, { retryStrategy: () => null, maxRetriesPerRequest: 0 });
  lockRedis.on('error', () => {});
  const lock = new RedisLeaderLock({
    redis: lockRedis,
    key: `${prefix}cdc-leader`,
    ttlMs: 1500,
    renewEveryMs: 300,
  });
  const bridge = new CdcBridge({
    source: new SalesforceChangeSource(
      new JsforceChangeEventSource({
        getConnection: async () => conn,
        refresh: async () => {
          await loginAs(conn, 'integration');
        },
        backoff: { initialMs: 100, maxMs: 1000 },
      }),
    ),
    pubsub,
    replayStore: replay.store,
    leaderLock: lock,
  });
  const iterator = pubsub.asyncIterator(recordChangedTopic('ACCOUNT'), { maxQueue: 1000 });
  await iterator.ready;
  await bridge.start();
  void bridge.listening().then((outcome) => {
    if (outcome === 'upstream') confirmedSubscriptions += 1;
  });
  // The test kills instances on purpose, so their teardown may find them half gone.
  leftovers.push(
    ignoringErrors(() => iterator.return?.()),
    ignoringErrors(() => bridge.stop()),
    ignoringErrors(() => replay.close()),
    ignoringErrors(() => pubsub.close()),
    // The test kills A's lock connection itself; a second disconnect() would arm ioredis'
    // 2 s stream-destroy timer that nothing clears and keep the jest worker alive.
    ignoringErrors(() => {
      if (lockRedis.status !== 'end') lockRedis.disconnect();
    }),
  );
  return { bridge, lock, lockRedis, iterator };
}

async function take<T>(
  iterator: AsyncIterator<T>,
  count: number,
  timeoutMs = 10_000,
): Promise<T[]> {
  const out: T[] = [];
  const deadline = Date.now() + timeoutMs;
  while (out.length < count) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`timed out after ${out.length}/${count} events`)),
        Math.max(0, deadline - Date.now()),
      );
    });
    try {
      const next = await Promise.race([iterator.next(), timeout]);
      if (next.done) throw new Error('iterator ended');
      out.push(next.value);
    } finally {
      clearTimeout(timer);
    }
  }
  return out;
}

async function waitFor(
  predicate: () => boolean | Promise<boolean>,
  timeoutMs = 8000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function cometdClients(): Promise<number> {
  const res = await fetch(`${emulator.url}/__emulator/cdc/events`);
  return ((await res.json()) as { clients: string[] }).clients.length;
}

async function createAccounts(names: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const name of names) {
    const result = await writer.sobject('Account').create({ Name: name });
    if (!result.id) throw new Error('create failed');
    ids.push(result.id.slice(0, 15));
  }
  return ids;
}

beforeAll(async () => {
  emulator = await startSalesforceEmulator({ port: 0, scale: 1 });
  writer = await connectToEmulator(emulator.url, 'admin');
});

afterAll(async () => {
  await flushLeftovers();
  await emulator.stop();
  const admin = new Redis(REDIS_URL);
  const keys = await admin.keys(`${prefix}*`);
  if (keys.length > 0) await admin.del(...keys);
  await admin.quit();
});

it('two instances share one upstream subscription and survive the consumer dying', async () => {
  const a = await startInstance();
  await waitFor(() => a.lock.isLeader());
  const b = await startInstance();
  // The client exists from its handshake; writes reach it only once the subscribe is confirmed.
  await waitFor(async () => (await cometdClients()) === 1 && confirmedSubscriptions >= 1);
  expect(b.lock.isLeader()).toBe(false);
  expect(b.bridge.stats().upstreamSubscriptions).toBe(0);

  const firstIds = await createAccounts(['Failover 1', 'Failover 2']);
  for (const instance of [a, b]) {
    const got = await take(instance.iterator, 2);
    expect(got.map((c) => c.recordIds[0]?.slice(0, 15))).toEqual(firstIds);
  }

  // Kill A's lock: it can no longer renew, steps down and closes its upstream; B takes over.
  a.lockRedis.disconnect();
  const duringIds = await createAccounts(['Failover 3', 'Failover 4', 'Failover 5']);
  await waitFor(() => b.lock.isLeader(), 6000);
  await waitFor(() => !a.lock.isLeader(), 6000);
  const laterIds = await createAccounts(['Failover 6']);

  for (const instance of [a, b]) {
    const got = await take(instance.iterator, 4);
    expect(got.map((c) => c.recordIds[0]?.slice(0, 15))).toEqual([...duringIds, ...laterIds]);
  }
  await new Promise((r) => setTimeout(r, 500));
  // No duplicates on either instance.
  for (const instance of [a, b]) {
    const extra = await take(instance.iterator, 1, 300).catch(() => []);
    expect(extra).toEqual([]);
  }
  expect(await cometdClients()).toBe(1);
  expect(b.bridge.stats().upstreamSubscriptions).toBe(1);
  expect(a.bridge.stats().upstreamSubscriptions).toBe(0);
}, 30_000);
