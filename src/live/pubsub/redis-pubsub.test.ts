import { randomUUID } from 'node:crypto';
import { SlowConsumerError } from './bounded-queue';
import { RedisPubSub } from './redis-pubsub';
import { defineTopic } from '../topics';
import { waitForWithin } from '../../../test/helpers/wait-for';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

interface Ping {
  n: number;
  at?: string;
}
const A = defineTopic<Ping>('test.a');
const B = defineTopic<Ping>('test.b');

const waitFor = waitForWithin(3000);

describe('RedisPubSub (real Redis)', () => {
  const prefix = `atom-test:${randomUUID()}:`;
  const leftovers: Array<() => Promise<void>> = [];
  const open = (): RedisPubSub => {
    const pubsub = new RedisPubSub({ redisUrl: REDIS_URL, channelPrefix: prefix });
    leftovers.push(() => pubsub.close());
    return pubsub;
  };

  afterAll(async () => {
    for (const close of leftovers.reverse()) await close();
  });

  it('fans out between two instances through Redis, JSON round-tripped', async () => {
    const one = open();
    const two = open();
    const gotOne: Ping[] = [];
    const gotTwo: Ping[] = [];
    await one.subscribe(A, (p) => void gotOne.push(p));
    await two.subscribe(A, (p) => void gotTwo.push(p));
    await one.publish(A, { n: 1, at: new Date(0).toISOString() });
    await waitFor(() => gotOne.length === 1 && gotTwo.length === 1);
    expect(gotTwo).toEqual([{ n: 1, at: '1970-01-01T00:00:00.000Z' }]);
  });

  it('keeps topics apart and stops delivering after unsubscribe', async () => {
    const pubsub = open();
    const gotA: number[] = [];
    const gotB: number[] = [];
    const unsubA = await pubsub.subscribe(A, (p) => void gotA.push(p.n));
    await pubsub.subscribe(B, (p) => void gotB.push(p.n));
    await pubsub.publish(B, { n: 2 });
    await waitFor(() => gotB.length === 1);
    expect(gotA).toEqual([]);
    await unsubA();
    await pubsub.publish(A, { n: 3 });
    await pubsub.publish(B, { n: 4 });
    await waitFor(() => gotB.length === 2);
    expect(gotA).toEqual([]);
  });

  it('does not see channels of another prefix', async () => {
    const mine = open();
    const other = new RedisPubSub({ redisUrl: REDIS_URL, channelPrefix: `${prefix}other:` });
    leftovers.push(() => other.close());
    const got: number[] = [];
    await mine.subscribe(A, (p) => void got.push(p.n));
    await other.publish(A, { n: 1 });
    await mine.publish(A, { n: 2 });
    await waitFor(() => got.length >= 1);
    await new Promise((r) => setTimeout(r, 50));
    expect(got).toEqual([2]);
  });

  it('serves async iterators and drops a slow one', async () => {
    const pubsub = open();
    const fast = pubsub.asyncIterator(A, { maxQueue: 2 });
    const slow = pubsub.asyncIterator(A, { maxQueue: 2 });
    await Promise.all([fast.ready, slow.ready]);
    const seen: number[] = [];
    const reading = (async () => {
      for await (const p of fast) {
        seen.push(p.n);
        if (seen.length === 5) break;
      }
    })();
    for (let n = 1; n <= 5; n += 1) await pubsub.publish(A, { n });
    await reading;
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    await expect(slow.next()).rejects.toBeInstanceOf(SlowConsumerError);
    await waitFor(() => pubsub.listenerCount() === 0);
  });
});
