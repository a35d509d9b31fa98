import { RedisPubSub } from './redis-pubsub';
import { defineTopic } from '../topics';
import { leftovers } from '../../../test/helpers/leftovers';
import { startOwnRedis } from '../../../test/reliability/support/redis-server';

interface Ping {
  n?: number;
  gap?: string;
}
const A = defineTopic<Ping>('test.a');
const B = defineTopic<Ping>('test.b');

function waitFor(predicate: () => boolean, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (predicate()) resolve();
      else if (Date.now() - started > timeoutMs) reject(new Error('timed out'));
      else setTimeout(check, 10);
    };
    check();
  });
}

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
});
