/**
 * The graphql-ws endpoint itself: credentials on connection_init (4403), the protocol's own
 * close codes (4400, 4401, 4408, 4409), keep-alive pings, slow consumers (4008) and shutdown
 * (1001).
 */
import WebSocket from 'ws';
import { generateApiKey, hashApiKey } from '../../src/auth/api-keys';
import { ignoringErrors, leftovers } from '../helpers/leftovers';
import { connectToEmulator } from '../helpers/salesforce-target';
import {
  connectWs,
  startSubscriptionGateway,
  subscribe,
  waitForSubscribers,
  wsUrlOf,
  type SubscriptionGateway,
} from '../helpers/subscriptions-client';

const PEPPER = 'subscriptions-test-pepper-0123456789abcdef';
const KEY = generateApiKey();
const ACCOUNT_CHANGED = 'subscription { accountChanged { changeType recordIds } }';
const KEEP_ALIVE_MS = 300;

/** Sends `connection_init` with the API key and resolves on `connection_ack`. */
async function initialised(socket: WebSocket): Promise<void> {
  const acked = new Promise<void>((resolve) =>
    socket.on('message', (data: Buffer) => {
      if ((JSON.parse(data.toString()) as { type?: string }).type === 'connection_ack') resolve();
    }),
  );
  socket.send(JSON.stringify({ type: 'connection_init', payload: { 'x-api-key': KEY } }));
  await acked;
}

let gateway: SubscriptionGateway;
/** /readyz details (subscriber counts) need the API key. */
const readyzOf = (running: SubscriptionGateway) => ({
  origin: running.origin,
  headers: { 'x-api-key': KEY },
});

/** A raw graphql-transport-ws socket, to break the protocol on purpose. */
async function rawSocket(
  url: string,
  options: { autoPong?: boolean } = {},
): Promise<{ socket: WebSocket; closed: Promise<number> }> {
  const socket = new WebSocket(wsUrlOf(url), 'graphql-transport-ws', options);
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  return { socket, closed };
}

beforeAll(async () => {
  gateway = await startSubscriptionGateway({
    env: {
      AUTH_MODE: 'integration',
      API_KEYS: `subscriber:${hashApiKey(KEY, PEPPER)}`,
      API_KEY_PEPPER: PEPPER,
    },
    subscriptions: { maxQueue: 2, keepAliveMs: KEEP_ALIVE_MS, connectionInitWaitMs: 600 },
  });
});

describe('graphql-ws endpoint', () => {
  it('closes with 4403 Forbidden without credentials or with a bad API key', async () => {
    const anonymous = connectWs(gateway.url);
    expect(await anonymous.closed).toMatchObject({ code: 4403, reason: 'Forbidden' });
    const wrong = connectWs(gateway.url, { connectionParams: { 'X-API-Key': generateApiKey() } });
    expect(await wrong.closed).toMatchObject({ code: 4403 });
  });

  it('accepts the API key from connectionParams or from the upgrade request', async () => {
    for (const ws of [
      connectWs(gateway.url, { connectionParams: { 'x-api-key': KEY } }),
      connectWs(gateway.url, { headers: { 'x-api-key': KEY } }),
    ]) {
      leftovers.push(ignoringErrors(() => ws.dispose()));
      const received = subscribe<{ accountChanged: { changeType: string } }>(ws, ACCOUNT_CHANGED);
      await waitForSubscribers(readyzOf(gateway), 1, received);
      const conn = await connectToEmulator(gateway.emulatorUrl, 'admin');
      await conn.sobject('Account').create({ Name: 'Keyed' });
      const [event] = await received.take(1);
      expect(event?.accountChanged.changeType).toBe('CREATE');
      received.unsubscribe();
      await waitForSubscribers(readyzOf(gateway), 0);
    }
  });

  it('answers a bad document with an error for that operation, not a closed socket', async () => {
    const ws = connectWs(gateway.url, { connectionParams: { 'x-api-key': KEY } });
    leftovers.push(ignoringErrors(() => ws.dispose()));
    const received = subscribe(ws, 'subscription { accountChanged { nope } }');
    await new Promise((r) => setTimeout(r, 300));
    expect(received.errors.flat()).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    ]);
  });

  it('closes with 4400 on an invalid message and 4401 on subscribe before init', async () => {
    const bad = await rawSocket(gateway.url);
    bad.socket.send('this is not json');
    expect(await bad.closed).toBe(4400);
    const early = await rawSocket(gateway.url);
    early.socket.send(
      JSON.stringify({ id: '1', type: 'subscribe', payload: { query: ACCOUNT_CHANGED } }),
    );
    expect(await early.closed).toBe(4401);
  });

  it('closes with 4408 without connection_init in time and 4409 on a duplicate id', async () => {
    const silent = await rawSocket(gateway.url);
    const openedAt = Date.now();
    expect(await silent.closed).toBe(4408);
    expect(Date.now() - openedAt).toBeGreaterThanOrEqual(500);

    const twice = await rawSocket(gateway.url);
    await initialised(twice.socket);
    const message = JSON.stringify({
      id: '1',
      type: 'subscribe',
      payload: { query: ACCOUNT_CHANGED },
    });
    twice.socket.send(message);
    twice.socket.send(message);
    expect(await twice.closed).toBe(4409);
  });

  it('pings every keep-alive period and terminates a client that stops answering', async () => {
    const answering = await rawSocket(gateway.url);
    await initialised(answering.socket);
    let pings = 0;
    answering.socket.on('ping', () => (pings += 1));
    const mute = await rawSocket(gateway.url, { autoPong: false });
    await initialised(mute.socket);
    // A missed pong ends the connection without a close frame (1006 on this side).
    expect(await mute.closed).toBe(1006);
    await new Promise((r) => setTimeout(r, 3 * KEEP_ALIVE_MS));
    expect(pings).toBeGreaterThanOrEqual(3);
    expect(answering.socket.readyState).toBe(WebSocket.OPEN);
    answering.socket.close(1000);
    await answering.closed;
  });

  it('drops a subscriber that falls behind with 4008 Slow consumer', async () => {
    const ws = connectWs(gateway.url, { connectionParams: { 'x-api-key': KEY } });
    leftovers.push(ignoringErrors(() => ws.dispose()));
    const received = subscribe(ws, ACCOUNT_CHANGED);
    await waitForSubscribers(readyzOf(gateway), 1, received);
    const conn = await connectToEmulator(gateway.emulatorUrl, 'admin');
    // Each access check now takes 300 ms while a burst of 12 changes arrives at once.
    await fetch(`${gateway.emulatorUrl}/__emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ latencyMs: 300 }),
    });
    try {
      await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          conn.sobject('Account').create({ Name: `Burst ${i}` }),
        ),
      );
      expect(await ws.closed).toEqual({ code: 4008, reason: 'Slow consumer' });
    } finally {
      await fetch(`${gateway.emulatorUrl}/__emulator/faults`, {
        method: 'POST',
        body: JSON.stringify({ latencyMs: 0 }),
      });
    }
    await waitForSubscribers(readyzOf(gateway), 0);
  });

  it('closes clients with 1001 Going Away on shutdown', async () => {
    const ws = connectWs(gateway.url, { connectionParams: { 'x-api-key': KEY } });
    const received = subscribe(ws, ACCOUNT_CHANGED);
    await waitForSubscribers(readyzOf(gateway), 1, received);
    await gateway.gateway.stop();
    expect(await ws.closed).toMatchObject({ code: 1001 });
    expect(gateway.gateway.liveStats()).toMatchObject({ upstreamSubscriptions: 0, subscribers: 0 });
  });
});
