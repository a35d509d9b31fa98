import { EventEmitter } from 'node:events';
import { StreamingExtension } from 'jsforce/api/streaming';
import type { ChangeSubscription, ReplayFrom } from '../../../live/change-source';
import type { RawChangeEvent } from './change-event-message';
import {
  JsforceChangeEventSource,
  ReplayIdRejectedError,
  type StreamingClient,
  type StreamingConnection,
  type TransportEvent,
} from './jsforce-change-event-source';

interface Extension {
  incoming?: (message: unknown, next: (m: unknown) => void) => void;
}

class FakeClient implements StreamingClient {
  listener: ((message: unknown) => void) | undefined;
  channel: string | undefined;
  disconnected = false;
  constructor(
    readonly extensions: unknown[],
    readonly token: string,
    private readonly subscribeResult: () => Promise<void>,
  ) {}

  subscribe(channel: string, listener: (message: unknown) => void): Promise<void> {
    this.channel = channel;
    this.listener = listener;
    return this.subscribeResult();
  }

  disconnect(): void {
    this.disconnected = true;
  }

  readonly transport = new EventEmitter();
  bind(event: TransportEvent, listener: () => void): void {
    this.transport.on(event, listener);
  }
  unbind(event: TransportEvent): void {
    this.transport.removeAllListeners(event);
  }

  get replayFrom(): unknown {
    const replay = this.extensions.find((e) => e instanceof StreamingExtension.Replay);
    return replay instanceof StreamingExtension.Replay ? replay._replay : undefined;
  }

  /** Runs an incoming message through every extension, as faye would. */
  incoming(message: unknown): void {
    let current: unknown = message;
    for (const ext of this.extensions as Extension[]) {
      if (!ext.incoming) continue;
      let passed = false;
      ext.incoming(current, (m) => {
        passed = true;
        current = m;
      });
      if (!passed) return;
    }
  }

  deliver(replayId: number, entityName = 'Account'): void {
    this.listener?.({
      schema: 's',
      payload: {
        ChangeEventHeader: {
          entityName,
          recordIds: ['001A'],
          changeType: 'UPDATE',
          changedFields: ['Name'],
          commitTimestamp: 1,
          commitUser: '005U',
        },
        Name: `n${replayId}`,
      },
      event: { replayId },
    });
  }
}

class FakeConnection extends EventEmitter implements StreamingConnection {
  accessToken = 'token-1';
  clients: FakeClient[] = [];
  subscribeResults: Array<() => Promise<void>> = [];
  streaming = {
    createClient: (extensions: unknown[]): StreamingClient => {
      const next = this.subscribeResults.shift() ?? (async () => {});
      const client = new FakeClient(extensions, this.accessToken, next);
      this.clients.push(client);
      return client;
    },
  };
  get last(): FakeClient {
    const client = this.clients.at(-1);
    if (!client) throw new Error('no client yet');
    return client;
  }
}

function waitFor(predicate: () => boolean, timeoutMs = 2000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (predicate()) resolve();
      else if (Date.now() - started > timeoutMs) reject(new Error('timed out'));
      else setTimeout(check, 5);
    };
    check();
  });
}

/** The org forgot the client (its session expired): Salesforce asks for a new handshake. */
const UNKNOWN_CLIENT = {
  channel: '/meta/connect',
  successful: false,
  error: '403::Unknown client',
  advice: { reconnect: 'handshake' },
};

const fastBackoff = { initialMs: 10, maxMs: 40, random: () => 1 };

describe('JsforceChangeEventSource', () => {
  const stops: ChangeSubscription[] = [];
  afterEach(async () => {
    for (const subscription of stops.splice(0)) await subscription.stop();
  });

  function setup(refresh: () => Promise<void> = async () => {}, transportGraceMs = 5_000) {
    const conn = new FakeConnection();
    const source = new JsforceChangeEventSource({
      getConnection: async () => conn,
      refresh,
      backoff: fastBackoff,
      transportGraceMs,
    });
    const events: RawChangeEvent[] = [];
    const errors: Error[] = [];
    /** Starts the source collecting events and errors; stopped after the test. */
    const listen = (from: ReplayFrom): ChangeSubscription => {
      const subscription = source.start(
        from,
        (e) => void events.push(e),
        (e) => errors.push(e),
      );
      stops.push(subscription);
      return subscription;
    };
    return { conn, source, events, errors, listen };
  }

  it('subscribes to /data/ChangeEvents with the replay extension and delivers events in order', async () => {
    const { conn, source, events, errors } = setup();
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    stops.push(
      source.start(
        '41',
        async (e) => {
          if (e.replayId === '42') await gate;
          events.push(e);
        },
        (e) => errors.push(e),
      ),
    );
    await waitFor(() => conn.clients.length === 1);
    expect(conn.last.channel).toBe('/data/ChangeEvents');
    expect(conn.last.replayFrom).toBe(41);
    expect(conn.last.token).toBe('token-1');
    conn.last.deliver(42);
    conn.last.deliver(43);
    await new Promise((r) => setTimeout(r, 20));
    // 43 waits for 42's handler: one event at a time.
    expect(events).toEqual([]);
    release();
    await waitFor(() => events.length === 2);
    expect(events.map((e) => e.replayId)).toEqual(['42', '43']);
    expect(events[0]?.fields).toEqual({ Name: 'n42' });
    expect(errors).toEqual([]);
  });

  it('refreshes the token and rebuilds the client from the last processed id on 401', async () => {
    const refresh = jest.fn(async () => {});
    const { conn, listen, events, errors } = setup(refresh);
    listen(-1);
    await waitFor(() => conn.clients.length === 1);
    conn.last.deliver(7);
    await waitFor(() => events.length === 1);
    refresh.mockImplementation(async () => {
      conn.accessToken = 'token-2';
    });
    conn.last.incoming({
      channel: '/meta/connect',
      successful: false,
      error: '403::Handshake denied',
      advice: { reconnect: 'none' },
      ext: { sfdc: { failureReason: '401::Authentication invalid' } },
    });
    await waitFor(() => conn.clients.length === 2);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(conn.clients[0]?.disconnected).toBe(true);
    expect(conn.last.token).toBe('token-2');
    expect(conn.last.replayFrom).toBe(7);
    expect(errors[0]?.message).toContain('401::Authentication invalid');
    // Events still in flight on the old client are ignored; the new one replays them.
    conn.clients[0]?.deliver(8);
    conn.last.deliver(8);
    await waitFor(() => events.length === 2);
    await new Promise((r) => setTimeout(r, 20));
    expect(events.map((e) => e.replayId)).toEqual(['7', '8']);
  });

  it('rebuilds without refreshing when the server forgot the client (403::Unknown client)', async () => {
    const refresh = jest.fn(async () => {});
    const { conn, source, events } = setup(refresh);
    stops.push(
      source.start(
        '3',
        (e) => void events.push(e),
        () => {},
      ),
    );
    await waitFor(() => conn.clients.length === 1);
    conn.last.deliver(4);
    await waitFor(() => events.length === 1);
    conn.last.incoming(UNKNOWN_CLIENT);
    await waitFor(() => conn.clients.length === 2);
    expect(refresh).not.toHaveBeenCalled();
    expect(conn.last.replayFrom).toBe(4);
  });

  it('says the resume was lost when it rebuilds from -1, and again after a failed signal', async () => {
    const { conn, source, events } = setup();
    const lost: number[] = [];
    let failNext = true;
    stops.push(
      source.start(
        -1,
        (e) => void events.push(e),
        () => {},
        () => {
          lost.push(conn.clients.length);
          if (failNext) {
            failNext = false;
            throw new Error('publish failed');
          }
        },
      ),
    );
    await waitFor(() => conn.clients.length === 1);
    // The first subscription from -1 loses nothing: it is where the stream starts.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lost).toEqual([]);
    conn.last.incoming(UNKNOWN_CLIENT);
    // Client 2 resubscribes from -1 and signals; the signal fails, so client 3 signals again.
    await waitFor(() => lost.length === 2);
    expect(lost).toEqual([2, 3]);
    expect(conn.last.replayFrom).toBe(-1);
    // Once an event gave it a position, a rebuild replays from it and signals nothing.
    conn.last.deliver(7);
    await waitFor(() => events.length === 1);
    conn.last.incoming(UNKNOWN_CLIENT);
    await waitFor(() => conn.clients.length === 4);
    expect(conn.last.replayFrom).toBe(7);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lost).toEqual([2, 3]);
  });

  it('rebuilds the client when jsforce refreshed the token elsewhere', async () => {
    const { conn, source } = setup();
    stops.push(
      source.start(
        -2,
        () => {},
        () => {},
      ),
    );
    await waitFor(() => conn.clients.length === 1);
    conn.accessToken = 'token-9';
    conn.emit('refresh', 'token-9');
    await waitFor(() => conn.clients.length === 2);
    expect(conn.last.token).toBe('token-9');
    expect(conn.last.replayFrom).toBe(-2);
    // The same token again is not a reason to rebuild.
    conn.emit('refresh', 'token-9');
    await new Promise((r) => setTimeout(r, 30));
    expect(conn.clients).toHaveLength(2);
  });

  it('backs off exponentially while the connection cannot be had, then recovers', async () => {
    const conn = new FakeConnection();
    const attempts: number[] = [];
    let failures = 3;
    const source = new JsforceChangeEventSource({
      getConnection: async () => {
        attempts.push(Date.now());
        if (failures-- > 0) throw new Error('ECONNREFUSED');
        return conn;
      },
      refresh: async () => {},
      backoff: { initialMs: 40, maxMs: 1000, random: () => 1 },
    });
    const errors: Error[] = [];
    stops.push(
      source.start(
        -1,
        () => {},
        (e) => errors.push(e),
      ),
    );
    await waitFor(() => conn.clients.length === 1, 3000);
    expect(errors.map((e) => e.message)).toEqual(['ECONNREFUSED', 'ECONNREFUSED', 'ECONNREFUSED']);
    const gaps = attempts.slice(1).map((t, i) => t - (attempts[i] ?? t));
    // 40, 80, 160 ms (timers may fire a little late, never early).
    expect(gaps[0]).toBeGreaterThanOrEqual(38);
    expect(gaps[1]).toBeGreaterThanOrEqual(78);
    expect(gaps[2]).toBeGreaterThanOrEqual(158);
  });

  it('falls back to all retained events (-2) when the stored replayId is rejected', async () => {
    const { conn, source, errors } = setup();
    conn.subscribeResults.push(async () => {
      throw new Error(
        '400::The replayId {99} you provided was invalid.  Please provide a valid ID, -2 to replay all events, or -1 to replay only new events.',
      );
    });
    stops.push(
      source.start(
        '99',
        () => {},
        (e) => errors.push(e),
      ),
    );
    await waitFor(() => conn.clients.length === 2);
    expect(conn.clients[0]?.replayFrom).toBe(99);
    expect(conn.last.replayFrom).toBe(-2);
    expect(errors[0]).toBeInstanceOf(ReplayIdRejectedError);
  });

  it('redelivers an event whose handler failed by resubscribing from the last processed id', async () => {
    const { conn, source, errors } = setup();
    const seen: string[] = [];
    let failOnce = true;
    stops.push(
      source.start(
        -1,
        async (e) => {
          if (e.replayId === '6' && failOnce) {
            failOnce = false;
            throw new Error('publish failed');
          }
          seen.push(e.replayId);
        },
        (e) => errors.push(e),
      ),
    );
    await waitFor(() => conn.clients.length === 1);
    conn.last.deliver(5);
    conn.last.deliver(6);
    await waitFor(() => conn.clients.length === 2);
    expect(conn.last.replayFrom).toBe(5);
    conn.last.deliver(6);
    await waitFor(() => seen.length === 2);
    expect(seen).toEqual(['5', '6']);
    expect(errors.map((e) => e.message)).toEqual(['publish failed']);
  });

  it('after a broken long-poll, rebuilds once the transport is back and replays from the last processed id', async () => {
    const { conn, listen, events, errors } = setup();
    listen('10');
    await waitFor(() => conn.clients.length === 1);
    const first = conn.last;
    first.deliver(11);
    await waitFor(() => events.length === 1);
    first.transport.emit('transport:down');
    // faye's retry of the same client is given its chance: no rebuild while it is down.
    await new Promise((r) => setTimeout(r, 50));
    expect(conn.clients).toHaveLength(1);
    expect(errors.map((e) => e.message)).toEqual(['CometD transport down']);
    first.transport.emit('transport:up');
    await waitFor(() => conn.clients.length === 2);
    expect(first.disconnected).toBe(true);
    expect(first.transport.listenerCount('transport:up')).toBe(0);
    expect(conn.last.channel).toBe('/data/ChangeEvents');
    expect(conn.last.replayFrom).toBe(11);
    // What the old client's retried long-poll still hands over is left to the replay.
    first.deliver(12);
    conn.last.deliver(12);
    await waitFor(() => events.length === 2);
    await new Promise((r) => setTimeout(r, 20));
    expect(events.map((e) => e.replayId)).toEqual(['11', '12']);
    expect(conn.clients).toHaveLength(2);
  });

  it('rebuilds after the grace period when the transport stays down', async () => {
    const { conn, source, events } = setup(async () => {}, 60);
    stops.push(
      source.start(
        -1,
        (e) => void events.push(e),
        () => {},
      ),
    );
    await waitFor(() => conn.clients.length === 1);
    conn.last.deliver(20);
    await waitFor(() => events.length === 1);
    const started = Date.now();
    conn.last.transport.emit('transport:down');
    conn.last.transport.emit('transport:down');
    await waitFor(() => conn.clients.length === 2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    expect(conn.clients[0]?.disconnected).toBe(true);
    expect(conn.last.replayFrom).toBe(20);
    // A stale client's transport events change nothing.
    conn.clients[0]?.transport.emit('transport:down');
    conn.clients[0]?.transport.emit('transport:up');
    await new Promise((r) => setTimeout(r, 120));
    expect(conn.clients).toHaveLength(2);
  });

  it('does not rebuild a client whose subscription was never confirmed when its transport returns', async () => {
    const { conn, source } = setup();
    let confirm: () => void = () => {};
    conn.subscribeResults.push(() => new Promise<void>((r) => (confirm = r)));
    stops.push(
      source.start(
        -1,
        () => {},
        () => {},
      ),
    );
    await waitFor(() => conn.clients.length === 1);
    conn.last.transport.emit('transport:down');
    conn.last.transport.emit('transport:up');
    confirm();
    await new Promise((r) => setTimeout(r, 50));
    expect(conn.clients).toHaveLength(1);
    expect(conn.last.disconnected).toBe(false);
  });

  it('rebuilds from the last processed id after a failed /meta/connect', async () => {
    const { conn, listen, events, errors } = setup();
    listen(-1);
    await waitFor(() => conn.clients.length === 1);
    conn.last.deliver(30);
    await waitFor(() => events.length === 1);
    conn.last.incoming({
      channel: '/meta/connect',
      successful: false,
      error: '500::Internal server error',
      advice: { reconnect: 'retry' },
    });
    await waitFor(() => conn.clients.length === 2);
    expect(conn.clients[0]?.disconnected).toBe(true);
    expect(conn.last.replayFrom).toBe(30);
    expect(errors.map((e) => e.message)).toEqual([
      'CometD /meta/connect failed: 500::Internal server error',
    ]);
  });

  it('stops: disconnects, waits for the event in flight and delivers nothing more', async () => {
    const { conn, source } = setup();
    const seen: string[] = [];
    let finish: () => void = () => {};
    const { stop } = source.start(
      -1,
      async (e) => {
        await new Promise<void>((r) => (finish = r));
        seen.push(e.replayId);
      },
      () => {},
    );
    await waitFor(() => conn.clients.length === 1);
    const client = conn.last;
    client.deliver(1);
    await new Promise((r) => setTimeout(r, 10));
    let stopped = false;
    const stopping = stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(client.disconnected).toBe(true);
    client.deliver(2);
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual(['1']);
    expect(conn.listenerCount('refresh')).toBe(0);
  });

  it('reports when the org confirmed the subscription, not before', async () => {
    const { conn, source } = setup();
    let confirm: () => void = () => {};
    conn.subscribeResults.push(() => new Promise<void>((r) => (confirm = r)));
    const subscription = source.start(
      -1,
      () => {},
      () => {},
    );
    stops.push(subscription);
    let ready = false;
    void subscription.ready.then(() => (ready = true));
    await waitFor(() => conn.clients.length === 1);
    await new Promise((r) => setTimeout(r, 10));
    expect(ready).toBe(false);
    confirm();
    await subscription.ready;
    expect(conn.last.channel).toBe('/data/ChangeEvents');
  });

  it("closes faye's transport when the org does not answer the disconnect", async () => {
    // A faye client as jsforce returns it: `_dispatcher` is what really ends its long-polls.
    const dispatcher = { close: jest.fn() };
    const client = {
      subscribe: jest.fn(() => Promise.resolve()),
      // The org is gone: /meta/disconnect is never answered.
      disconnect: jest.fn(() => new Promise<never>(() => {})),
      _dispatcher: dispatcher,
    };
    const conn = new FakeConnection();
    conn.streaming.createClient = () => client;
    const source = new JsforceChangeEventSource({
      getConnection: async () => conn,
      refresh: async () => {},
      disconnectTimeoutMs: 10,
    });
    const subscription = source.start(
      -1,
      () => {},
      () => {},
    );
    await subscription.ready;
    expect(client.subscribe).toHaveBeenCalledTimes(1);
    await subscription.stop();
    expect(client.disconnect).toHaveBeenCalledTimes(1);
    // Otherwise faye retries the dead client's long-poll forever, a second client at the org.
    expect(dispatcher.close).toHaveBeenCalledTimes(1);
  });
});
