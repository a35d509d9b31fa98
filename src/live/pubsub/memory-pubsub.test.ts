import { SlowConsumerError } from './bounded-queue';
import { MemoryPubSub } from './memory-pubsub';
import { defineTopic } from '../topics';

interface Ping {
  n: number;
}
const A = defineTopic<Ping>('test.a');
const B = defineTopic<Ping>('test.b');

describe('MemoryPubSub', () => {
  it('delivers to subscribers of the topic only, as copies', async () => {
    const pubsub = new MemoryPubSub();
    const gotA: Ping[] = [];
    const gotB: Ping[] = [];
    const unsubA = await pubsub.subscribe(A, (p) => void gotA.push(p));
    await pubsub.subscribe(B, (p) => void gotB.push(p));
    const payload = { n: 1 };
    await pubsub.publish(A, payload);
    expect(gotA).toEqual([{ n: 1 }]);
    expect(gotA[0]).not.toBe(payload);
    expect(gotB).toEqual([]);
    await unsubA();
    await pubsub.publish(A, { n: 2 });
    expect(gotA).toHaveLength(1);
  });

  it('iterates several topics in publish order and unsubscribes on return()', async () => {
    const pubsub = new MemoryPubSub();
    const it = pubsub.asyncIterator([A, B]);
    await it.ready;
    await pubsub.publish(A, { n: 1 });
    await pubsub.publish(B, { n: 2 });
    expect(await it.next()).toEqual({ value: { n: 1 }, done: false });
    expect(await it.next()).toEqual({ value: { n: 2 }, done: false });
    expect(pubsub.listenerCount()).toBe(2);
    await it.return?.();
    expect(pubsub.listenerCount()).toBe(0);
    expect(await it.next()).toEqual({ value: undefined, done: true });
  });

  it('wakes a consumer already waiting in next()', async () => {
    const pubsub = new MemoryPubSub();
    const it = pubsub.asyncIterator(A);
    await it.ready;
    const pending = it.next();
    await pubsub.publish(A, { n: 7 });
    await expect(pending).resolves.toEqual({ value: { n: 7 }, done: false });
    await it.return?.();
  });

  it('drops a slow consumer with SlowConsumerError without holding its backlog', async () => {
    const pubsub = new MemoryPubSub();
    const slow = pubsub.asyncIterator(A, { maxQueue: 3 });
    const fast = pubsub.asyncIterator(A, { maxQueue: 3 });
    await Promise.all([slow.ready, fast.ready]);
    const fastSeen: number[] = [];
    for (let n = 1; n <= 5; n += 1) {
      await pubsub.publish(A, { n });
      const next = await fast.next();
      if (!next.done) fastSeen.push(next.value.n);
    }
    expect(fastSeen).toEqual([1, 2, 3, 4, 5]);
    await expect(slow.next()).rejects.toBeInstanceOf(SlowConsumerError);
    expect(await slow.next()).toEqual({ value: undefined, done: true });
    // The dropped consumer no longer listens; the healthy one still does.
    expect(pubsub.listenerCount()).toBe(1);
    await fast.return?.();
  });

  it('keeps delivering to others when one listener throws', async () => {
    const errors: unknown[] = [];
    const pubsub = new MemoryPubSub({ onError: (e) => errors.push(e) });
    const got: number[] = [];
    await pubsub.subscribe(A, () => {
      throw new Error('boom');
    });
    await pubsub.subscribe(A, (p) => void got.push(p.n));
    await pubsub.publish(A, { n: 1 });
    expect(got).toEqual([1]);
    expect(errors).toHaveLength(1);
  });
});
