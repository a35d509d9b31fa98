/**
 * SIGTERM on a real gateway process (`src/main.ts`) against a slow org: requests in flight
 * get complete answers, the subscriber gets 1001, new connections are refused, the CDC
 * replayId is in Redis, and the process exits 0; a drain past SHUTDOWN_TIMEOUT_MS exits 1.
 */
import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import WebSocket from 'ws';
import { generateApiKey } from '../../src/auth/api-keys';
import {
  DEMO_OAUTH_CLIENT,
  startSalesforceEmulator,
  type RunningSalesforceEmulator,
} from '../../src/emulators/salesforce';
import { createReplayStore } from '../../src/live/replay-store';
import { flushLeftovers, leftovers } from '../helpers/leftovers';
import { integrationModeEnv, spawnGateway, type SpawnedGateway } from '../helpers/spawn-gateway';
import { connectWs, subscribe, waitForSubscribers, wsUrlOf } from '../helpers/subscriptions-client';

const PEPPER = 'shutdown-test-pepper-0123456789abcdef';
const KEY = generateApiKey();
const REDIS_URL = 'redis://127.0.0.1:6379';
const SLOW_MS = 1_500;

let emulator: RunningSalesforceEmulator;

beforeAll(async () => {
  emulator = await startSalesforceEmulator({
    port: 0,
    scale: 1,
    clientCredentialsUsername: 'integration@atom-demo.org',
  });
  leftovers.push(() => emulator.stop());
});

afterAll(flushLeftovers);

function gatewayEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...integrationModeEnv({
      loginUrl: emulator.url,
      clientId: DEMO_OAUTH_CLIENT.clientId,
      apiKey: { label: 'shutdown-test', key: KEY, pepper: PEPPER },
    }),
    SALESFORCE_CLIENT_SECRET: DEMO_OAUTH_CLIENT.clientSecret,
    METRICS_ENABLED: 'true',
    METRICS_PORT: '0',
    ...extra,
  };
}

async function setLatency(ms: number): Promise<void> {
  const response = await fetch(`${emulator.url}/__emulator/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ latencyMs: ms }),
  });
  expect(response.ok).toBe(true);
}

async function emulatorCalls(): Promise<number> {
  const stats = (await (await fetch(`${emulator.url}/__emulator/stats`)).json()) as {
    total: number;
  };
  return stats.total;
}

/** Polls the emulator (count-bounded) until it has received `count` more API calls. */
async function untilEmulatorReceived(from: number, count: number): Promise<void> {
  for (let attempt = 0; attempt < 2_000; attempt += 1) {
    if ((await emulatorCalls()) >= from + count) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`the emulator did not receive ${count} calls`);
}

function post(url: string, query: string): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': KEY },
    body: JSON.stringify({ query }),
  });
}

function capturedStdio(running: SpawnedGateway): () => string {
  let text = '';
  running.child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  running.child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return () => text;
}

/** Resolves with the connection error's code, or 'connected'. */
function connectionOutcome(url: string): Promise<string> {
  return fetch(url).then(
    () => 'connected',
    (error: unknown) => String((error as { cause?: { code?: unknown } }).cause?.code ?? error),
  );
}

function webSocketOutcome(url: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = new WebSocket(wsUrlOf(url), 'graphql-transport-ws');
    socket.once('open', () => {
      socket.terminate();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

/** Distinct pages: the cache would let identical concurrent reads share one upstream call. */
const page = (first: number) =>
  `{ accounts(first: ${first}, orderBy: [{ field: NAME }]) { nodes { id name } } }`;

describe('graceful SIGTERM drain (src/main.ts)', () => {
  afterEach(() => setLatency(0));

  it('finishes in-flight requests, sends 1001, refuses new connections, flushes the replayId, exits 0', async () => {
    const namespace = `shutdown-${randomUUID()}`;
    const running = await spawnGateway(
      // production: Apollo would install its own signal handlers (not under NODE_ENV=test).
      gatewayEnv({ NODE_ENV: 'production', REDIS_URL, SUBSCRIPTIONS_NAMESPACE: namespace }),
    );
    const output = capturedStdio(running);

    const ws = connectWs(running.url, { connectionParams: { 'X-API-Key': KEY } });
    leftovers.push(() => ws.dispose());
    const received = subscribe<{ accountChanged: { replayId: string } }>(
      ws,
      'subscription { accountChanged { replayId } }',
    );
    await waitForSubscribers(
      { origin: running.origin, headers: { 'x-api-key': KEY } },
      1,
      received,
      20_000,
    );
    const created = await (
      await post(running.url, 'mutation { createAccount(input: { name: "Drain Co" }) { id } }')
    ).json();
    expect(created).toMatchObject({ data: { createAccount: { id: expect.any(String) } } });
    const [event] = await received.take(1, 10_000);
    const replayId = event?.accountChanged.replayId ?? '';
    expect(replayId).toMatch(/^\d+$/);

    // Three requests parked at a slow org when SIGTERM arrives.
    await setLatency(SLOW_MS);
    const before = await emulatorCalls();
    const inFlight = [2, 3, 4].map((first) => post(running.url, page(first)));
    await untilEmulatorReceived(before, 3);
    running.child.kill('SIGTERM');

    expect(await ws.closed).toEqual({ code: 1001, reason: 'Going away' });
    // 1001 is sent only once the listener is closed: a reconnecting client goes elsewhere.
    expect(await connectionOutcome(`${running.origin}/healthz`)).toBe('ECONNREFUSED');
    expect(await webSocketOutcome(running.url)).toBe('ECONNREFUSED');

    for (const [index, response] of (await Promise.all(inFlight)).entries()) {
      expect(response.status).toBe(200);
      const body = (await response.json()) as {
        data?: { accounts: { nodes: unknown[] } };
        errors?: unknown;
      };
      expect(body.errors).toBeUndefined();
      expect(body.data?.accounts.nodes).toHaveLength(index + 2);
    }
    expect(await running.exited).toEqual({ code: 0, signal: null });
    expect(output()).toContain('SIGTERM: stopped cleanly');

    // The next instance resumes after the last event this one published.
    const replay = await createReplayStore({ redisUrl: REDIS_URL, namespace: `${namespace}:cdc` });
    try {
      expect(await replay.store.load()).toBe(replayId);
      await replay.store.clear();
    } finally {
      await replay.close();
    }
  }, 60_000);

  it('exits 1 with a log line when a request is still in flight at SHUTDOWN_TIMEOUT_MS', async () => {
    const running = await spawnGateway(gatewayEnv({ SHUTDOWN_TIMEOUT_MS: '1000' }));
    const output = capturedStdio(running);
    // A request whose body never completes: in flight for as long as the client wants.
    const stuck = new Promise<string>((resolve) => {
      const req = httpRequest(running.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': '1000', 'x-api-key': KEY },
      });
      req.once('response', () => resolve('answered'));
      req.once('error', () => resolve('cut'));
      req.write('{"query":"{ accounts');
    });
    // A full round trip on another connection after the partial request was written.
    expect((await fetch(`${running.origin}/healthz`)).status).toBe(200);
    running.child.kill('SIGTERM');
    expect(await running.exited).toEqual({ code: 1, signal: null });
    expect(output()).toContain('Shutdown did not finish within SHUTDOWN_TIMEOUT_MS=1000');
    expect(await stuck).toBe('cut');
  }, 60_000);
});
