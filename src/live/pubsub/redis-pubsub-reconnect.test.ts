import type { Redis } from 'ioredis';
import { createChangeAdmission } from './change-admission';
import { RedisPubSub } from './redis-pubsub';
import { defineTopic } from '../topics';
import { leftovers } from '../../../test/helpers/leftovers';
import { waitForWithin } from '../../../test/helpers/wait-for';
import { startOwnRedis } from '../../../test/reliability/support/redis-server';

interface Ping {
  n?: number;
  gap?: string;
}
const A = defineTopic<Ping>('test.a');
const B = defineTopic<Ping>('test.b');

const waitFor = waitForWithin(15_000);

/**
 * Redis pub/sub keeps nothing for a subscriber that is not connected: after its own Redis
 * server was SIGKILLed and restarted, an instance tells its local listeners so, once its
 * subscriptions are live again, through the normal delivery path.
 */
describe('RedisPubSub across a Redis restart (own redis-server)', () => {
  afterAll(async () => {
    while (leftovers.length > 0) await leftovers.pop()?.();
  });

  it('delivers the reconnect signal to every listened topic once resubscribed, then flows again', async () => {
    const redis = await startOwnRedis();
    const open = (reconnectSignal?: (topic: string) => unknown): RedisPubSub => {
      const pubsub = new RedisPubSub({
        redisUrl: redis.url,
        channelPrefix: 'reconnect-test:',
        reconnectSignal,
        redisOptions: { retryStrategy: () => 50 },
      });
      leftovers.push(() => pubsub.close());
      return pubsub;
    };
    const signalled: string[] = [];
    const local = open((topic) => (topic === B.name ? undefined : { gap: topic }));
    const publisher = open();
    const gotA: Ping[] = [];
    const gotB: Ping[] = [];
    await local.subscribe(A, (p) => void gotA.push(p));
    await local.subscribe([A, B], (p, topic) => {
      if (p.gap) signalled.push(topic);
      else gotB.push(p);
    });
    await publisher.publish(A, { n: 1 });
    await waitFor(() => gotA.length === 1);
    // Connecting the first time is no reconnection.
    expect(gotA).toEqual([{ n: 1 }]);
    expect(local.resubscribeCount).toBe(0);

    await redis.kill();
    await redis.restart();
    await waitFor(() => local.resubscribeCount === 1);

    // Both listeners of A got the signal; B's signal function said nothing for B.
    expect(gotA).toEqual([{ n: 1 }, { gap: A.name }]);
    expect(signalled).toEqual([A.name]);
    // The signal came after the subscriptions were confirmed: a publish now arrives.
    await publisher.publish(B, { n: 2 });
    await publisher.publish(A, { n: 3 });
    await waitFor(() => gotA.length === 3 && gotB.length === 3);
    expect(gotA).toEqual([{ n: 1 }, { gap: A.name }, { n: 3 }]);
    expect(gotB).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(signalled).toEqual([A.name]);
  }, 60_000);

  it('publishes again what it published during the outage; each change is delivered once', async () => {
    const redis = await startOwnRedis();
    const gaps: string[] = [];
    // The gateway's composition: one instance publishes (the CDC leader) and listens.
    const leader = new RedisPubSub({
      redisUrl: redis.url,
      channelPrefix: 'redeliver-test:',
      redisOptions: { retryStrategy: () => 50 },
      admit: createChangeAdmission({ isChangeTopic: (name) => name === A.name }),
      redeliver: (name) => name === A.name,
      reconnectSignal: (name) => ({ gap: name }),
    });
    leftovers.push(() => leader.close());
    const got: Ping[] = [];
    await leader.subscribe([A, B], (p) => {
      if (p.gap) gaps.push(p.gap);
      else got.push(p);
    });
    const change = (n: number): Ping & { replayId: string; recordIds: string[] } => ({
      n,
      replayId: String(n),
      recordIds: [`001${n}`],
    });
    await leader.publish(A, change(1));
    await waitFor(() => got.length === 1);

    // The race the redelivery exists for, made certain: this instance's subscribing
    // connection stays away until the publishes queued during the outage went out.
    const subscribing = (leader as unknown as { subscriber: Redis }).subscriber;
    subscribing.options.retryStrategy = () => null;
    await redis.kill();
    const duringOutage = [2, 3, 4].map((n) => leader.publish(A, change(n)));
    await redis.restart();
    await Promise.all(duringOutage);
    expect(got.map((p) => p.n)).toEqual([1]);
    subscribing.options.retryStrategy = () => 50;
    await subscribing.connect();
    await waitFor(() => leader.resubscribeCount === 1);
    // Published again right after the resubscription, on the same connection: a later
    // publish arrives after every copy.
    await leader.publish(B, { n: 5 });
    await waitFor(() => got.some((p) => p.n === 5));
    expect(got.map((p) => p.n)).toEqual([1, 2, 3, 4, 5]);
    expect(gaps).toEqual([A.name, B.name]);
  }, 60_000);
});
