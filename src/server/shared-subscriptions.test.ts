import type { ExecutionArgs, ExecutionResult } from 'graphql';
import { GraphQLError } from 'graphql';
import { SharedFrame } from './shared-frame';
import { SharedSubscriptions } from './shared-subscriptions';

/** A source stream the test pushes into, as graphql-js `subscribe` would answer it. */
function channel() {
  const queue: ExecutionResult[] = [];
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  let returned = 0;
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      for (;;) {
        if (failure) throw failure;
        const value = queue.shift();
        if (value) return { value, done: false };
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
    async return() {
      returned += 1;
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  return {
    iterator,
    push(result: ExecutionResult) {
      queue.push(result);
      wake?.();
    },
    fail(error: Error) {
      failure = error;
      wake?.();
    },
    returned: () => returned,
  };
}

const ARGS = { contextValue: {} } as unknown as ExecutionArgs;
const flush = () => new Promise((r) => setImmediate(r));

function setup(maxQueue = 2) {
  const sources: ReturnType<typeof channel>[] = [];
  let subscribes = 0;
  let counted = 0;
  const sharing = new SharedSubscriptions({
    subscribe: async () => {
      subscribes += 1;
      const source = channel();
      sources.push(source);
      return source.iterator;
    },
    finalize: (result) => new SharedFrame(JSON.stringify(result), []),
    maxQueue,
    countSubscriber: () => {
      counted += 1;
      return () => (counted -= 1);
    },
  });
  const control = () => {
    const closes: number[] = [];
    return { closes, close: (code: number) => closes.push(code) };
  };
  return {
    get source() {
      const first = sources[0];
      if (!first) throw new Error('no source started');
      return first;
    },
    sharing,
    control,
    subscribes: () => subscribes,
    counted: () => counted,
  };
}

async function member(s: ReturnType<typeof setup>, key = 'k') {
  const control = s.control();
  const stream = await s.sharing.subscribe(key, ARGS, control);
  if (!('next' in stream)) throw new Error('expected a stream');
  return { stream, control };
}

describe('SharedSubscriptions', () => {
  it('starts one source per key and hands every member the same serialized frame', async () => {
    const s = setup();
    const a = await member(s);
    const b = await member(s);
    const other = await member(s, 'other');
    expect(s.subscribes()).toBe(2);
    expect(s.sharing.stats()).toMatchObject({ groups: 2, members: 3 });
    // The listener counts one subscriber of a group; the rest are counted for it.
    expect(s.counted()).toBe(1);
    s.source.push({ data: { n: 1 } });
    const [fromA, fromB] = await Promise.all([a.stream.next(), b.stream.next()]);
    expect(fromA.value).toBeInstanceOf(SharedFrame);
    expect(fromB.value).toBe(fromA.value);
    expect((fromA.value as SharedFrame).text).toBe('{"data":{"n":1}}');
    await other.stream.return?.();
  });

  it('drops only the member that falls a whole queue behind, with 4008', async () => {
    const s = setup(2);
    const fast = await member(s);
    const slow = await member(s);
    const received: unknown[] = [];
    for (let n = 1; n <= 4; n += 1) {
      s.source.push({ data: { n } });
      received.push((await fast.stream.next()).value);
    }
    await flush();
    expect(slow.control.closes).toEqual([4008]);
    expect(fast.control.closes).toEqual([]);
    expect(received).toHaveLength(4);
    expect(s.sharing.stats().executions).toBe(4);
    expect(await slow.stream.next()).toEqual({ value: undefined, done: true });
    expect(s.sharing.stats()).toMatchObject({ groups: 1, members: 1 });
    s.source.push({ data: { n: 5 } });
    expect((await fast.stream.next()).value).toMatchObject({ text: '{"data":{"n":5}}' });
  });

  it('ends the source when its last member leaves; the next subscriber starts afresh', async () => {
    const s = setup();
    const a = await member(s);
    const b = await member(s);
    await a.stream.return?.();
    expect(s.source.returned()).toBe(0);
    expect(s.counted()).toBe(0);
    await b.stream.return?.();
    expect(s.source.returned()).toBe(1);
    expect(s.sharing.stats()).toMatchObject({ groups: 0, members: 0 });
    await member(s);
    expect(s.subscribes()).toBe(2);
  });

  it("passes a subscription's own errors back and keeps no group", async () => {
    const failed: ExecutionResult = { errors: [new GraphQLError('bad ids')] };
    const sharing = new SharedSubscriptions({
      subscribe: async () => failed,
      finalize: (result) => new SharedFrame(JSON.stringify(result), []),
      maxQueue: 2,
    });
    expect(await sharing.subscribe('k', ARGS, { close: () => {} })).toBe(failed);
    expect(sharing.stats()).toMatchObject({ groups: 0, members: 0 });
  });

  it('fails every member when the source fails, and forgets the group', async () => {
    const s = setup();
    const a = await member(s);
    const b = await member(s);
    s.source.fail(new Error('stream broke'));
    await expect(a.stream.next()).rejects.toThrow('stream broke');
    await expect(b.stream.next()).rejects.toThrow('stream broke');
    expect(s.sharing.stats().groups).toBe(0);
  });
});
