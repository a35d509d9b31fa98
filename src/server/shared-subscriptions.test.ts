import type { ExecutionArgs, ExecutionResult } from 'graphql';
import { GraphQLError } from 'graphql';
import { SharedFrame } from './shared-frame';
import { SharedSubscriptions } from './shared-subscriptions';

/** A source stream the test pushes into, as graphql-js `subscribe` would answer it. */
function channel() {
  const queue: ExecutionResult[] = [];
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  let ended = false;
  let returned = 0;
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      for (;;) {
        if (failure) throw failure;
        const value = queue.shift();
        if (value) return { value, done: false };
        if (ended) return { value: undefined, done: true };
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
    end() {
      ended = true;
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
const DONE = { value: undefined, done: true };

function setup() {
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
    countSubscriber: () => {
      counted += 1;
      return () => (counted -= 1);
    },
  });
  return {
    get source() {
      const first = sources[0];
      if (!first) throw new Error('no source started');
      return first;
    },
    sharing,
    subscribes: () => subscribes,
    counted: () => counted,
  };
}

/** A member whose socket takes every frame, until `accepting` is turned off (a slow socket). */
async function member(s: ReturnType<typeof setup>, key = 'k') {
  const written: SharedFrame[] = [];
  const closes: number[] = [];
  const socket = { accepting: true, broken: false };
  const stream = await s.sharing.subscribe(
    key,
    ARGS,
    { close: (code: number) => closes.push(code) },
    (frame) => {
      if (socket.broken) throw new Error('socket broke');
      if (!socket.accepting) return false;
      written.push(frame);
      return true;
    },
  );
  if (!('next' in stream)) throw new Error('expected a stream');
  // graphql-ws reads the stream with `for await`: it must stay pending while the member lives.
  let settled: IteratorResult<never> | { error: unknown } | undefined;
  stream.next().then(
    (result) => (settled = result),
    (error: unknown) => (settled = { error }),
  );
  return { stream, written, closes, socket, settled: () => settled };
}

describe('SharedSubscriptions', () => {
  it('starts one source per key and writes the same serialized frame to every member', async () => {
    const s = setup();
    const a = await member(s);
    const b = await member(s);
    const other = await member(s, 'other');
    expect(s.subscribes()).toBe(2);
    expect(s.sharing.stats()).toMatchObject({ groups: 2, members: 3 });
    // The listener counts one subscriber of a group; the rest are counted for it.
    expect(s.counted()).toBe(1);
    s.source.push({ data: { n: 1 } });
    s.source.push({ data: { n: 2 } });
    await flush();
    expect(a.written.map((frame) => frame.text)).toEqual(['{"data":{"n":1}}', '{"data":{"n":2}}']);
    expect(b.written).toHaveLength(2);
    expect(b.written[0]).toBe(a.written[0]);
    expect(other.written).toEqual([]);
    expect(s.sharing.stats().executions).toBe(2);
    // The streams graphql-ws reads yield no frame: they only keep the operations open.
    expect([a.settled(), b.settled(), other.settled()]).toEqual([undefined, undefined, undefined]);
    await other.stream.return?.();
  });

  it('ends only the member whose write refuses (slow socket); the group writes on', async () => {
    const s = setup();
    const fast = await member(s);
    const slow = await member(s);
    s.source.push({ data: { n: 1 } });
    await flush();
    slow.socket.accepting = false;
    s.source.push({ data: { n: 2 } });
    await flush();
    expect(slow.settled()).toEqual(DONE);
    expect(fast.settled()).toBeUndefined();
    expect(s.sharing.stats()).toMatchObject({ groups: 1, members: 1 });
    // The writer closed the socket itself (4008); the group does not close it again.
    expect(slow.closes).toEqual([]);
    s.source.push({ data: { n: 3 } });
    await flush();
    expect(fast.written.map((frame) => frame.text)).toEqual([
      '{"data":{"n":1}}',
      '{"data":{"n":2}}',
      '{"data":{"n":3}}',
    ]);
    expect(slow.written).toHaveLength(1);
    expect(s.sharing.stats().executions).toBe(3);
    expect(s.source.returned()).toBe(0);
  });

  it('fails only the member whose write throws; the group writes on to the others', async () => {
    const s = setup();
    const healthy = await member(s);
    const broken = await member(s);
    broken.socket.broken = true;
    s.source.push({ data: { n: 1 } });
    await flush();
    expect(broken.settled()).toEqual({
      error: expect.objectContaining({ message: 'socket broke' }),
    });
    expect(healthy.settled()).toBeUndefined();
    s.source.push({ data: { n: 2 } });
    await flush();
    expect(healthy.written.map((frame) => frame.text)).toEqual([
      '{"data":{"n":1}}',
      '{"data":{"n":2}}',
    ]);
    expect(s.sharing.stats()).toMatchObject({ groups: 1, members: 1 });
    expect(s.source.returned()).toBe(0);
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

  it('ends every member when the source ends, and forgets the group', async () => {
    const s = setup();
    const a = await member(s);
    const b = await member(s);
    s.source.end();
    await flush();
    expect([a.settled(), b.settled()]).toEqual([DONE, DONE]);
    expect(s.sharing.stats()).toMatchObject({ groups: 0, members: 0 });
    await member(s);
    expect(s.subscribes()).toBe(2);
  });

  it("passes a subscription's own errors back and keeps no group", async () => {
    const failed: ExecutionResult = { errors: [new GraphQLError('bad ids')] };
    const sharing = new SharedSubscriptions({
      subscribe: async () => failed,
      finalize: (result) => new SharedFrame(JSON.stringify(result), []),
    });
    const write = () => true;
    expect(await sharing.subscribe('k', ARGS, { close: () => {} }, write)).toBe(failed);
    expect(sharing.stats()).toMatchObject({ groups: 0, members: 0 });
  });

  it('fails every member when the source fails, and forgets the group', async () => {
    const s = setup();
    const a = await member(s);
    const b = await member(s);
    s.source.fail(new Error('stream broke'));
    await flush();
    expect(a.settled()).toEqual({ error: new Error('stream broke') });
    expect(b.settled()).toEqual({ error: new Error('stream broke') });
    expect(s.sharing.stats()).toMatchObject({ groups: 0, members: 0 });
  });
});
