/**
 * Subscriptions benchmark: SUBSCRIBERS graphql-ws clients on one gateway (demo mode, loopback),
 * WRITES_PER_SECOND creates straight to the emulator for DURATION_S seconds. Prints
 * event-to-client latency (emulator commit → client receipt), the upstream CometD
 * subscriptions the org sees, and RSS growth per 1,000 subscribers. Bounded in count and time.
 *
 *   npx tsx bench/subscriptions/run.ts   (SUBSCRIBERS=1000 WRITES_PER_SECOND=5 DURATION_S=10)
 */
import 'reflect-metadata';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { loadConfig } from '../../src/config';
import { createServer } from '../../src/server/create-server';
import { startDemoSalesforce } from '../../src/server/demo-bootstrap';
import { Connection } from 'jsforce';
import { DEMO_OAUTH_CLIENT } from '../../src/emulators/salesforce';

function intFromEnv(name: string, fallback: number, max: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new Error(`${name} must be an integer between 1 and ${max}`);
  }
  return value;
}

const SUBSCRIBERS = intFromEnv('SUBSCRIBERS', 1_000, 5_000);
const WRITES_PER_SECOND = intFromEnv('WRITES_PER_SECOND', 5, 200);
const DURATION_S = intFromEnv('DURATION_S', 10, 60);
const QUERY = 'subscription { accountChanged(changeTypes: [CREATE]) { replayId commitTimestamp } }';

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const mib = (bytes: number) => bytes / 1024 / 1024;

async function main(): Promise<void> {
  const config = loadConfig({
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    SALESFORCE_MODE: 'emulator',
    EMULATOR_SALESFORCE_PORT: '0',
    AUTH_MODE: 'demo',
  });
  const demo = await startDemoSalesforce(config, { port: 0 });
  const gateway = await createServer(demo.config, { subscriptions: { maxQueue: 1_000 } });
  const writer = new Connection({
    loginUrl: demo.emulator.url,
    version: '59.0',
    oauth2: {
      clientId: DEMO_OAUTH_CLIENT.clientId,
      clientSecret: DEMO_OAUTH_CLIENT.clientSecret,
      redirectUri: DEMO_OAUTH_CLIENT.redirectUris[0],
      loginUrl: demo.emulator.url,
    },
  });
  await writer.login('admin@atom-demo.org', 'demo-admin-pass');

  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const latencies: number[] = [];
  const received = new Map<string, number>();
  const clients: Client[] = [];
  const wsUrl = gateway.url.replace(/^http/, 'ws');
  for (let i = 0; i < SUBSCRIBERS; i += 1) {
    const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0 });
    clients.push(client);
    client.subscribe<{ accountChanged: { replayId: string; commitTimestamp: string } }>(
      { query: QUERY },
      {
        next: (result) => {
          const change = result.data?.accountChanged;
          if (!change) return;
          latencies.push(Date.now() - Date.parse(change.commitTimestamp));
          received.set(change.replayId, (received.get(change.replayId) ?? 0) + 1);
        },
        error: () => {},
        complete: () => {},
      },
    );
  }
  const deadline = Date.now() + 60_000;
  while ((gateway.liveStats()?.subscribers ?? 0) < SUBSCRIBERS) {
    if (Date.now() > deadline) throw new Error('subscribers did not all connect in 60 s');
    await new Promise((r) => setTimeout(r, 50));
  }
  global.gc?.();
  const rssAfter = process.memoryUsage().rss;

  const writes = WRITES_PER_SECOND * DURATION_S;
  const started = Date.now();
  const pending: Array<Promise<unknown>> = [];
  for (let i = 0; i < writes; i += 1) {
    const due = started + (i * 1_000) / WRITES_PER_SECOND;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(writer.sobject('Account').create({ Name: `Bench ${i}` }));
  }
  await Promise.all(pending);
  const expected = writes * SUBSCRIBERS;
  const settle = Date.now() + 15_000;
  while (latencies.length < expected && Date.now() < settle) {
    await new Promise((r) => setTimeout(r, 100));
  }

  const cdc = (await (await fetch(`${demo.emulator.url}/__emulator/cdc/events`)).json()) as {
    clients: string[];
  };
  const sorted = [...latencies].sort((a, b) => a - b);
  const duplicates = [...received.values()].filter((n) => n > SUBSCRIBERS).length;
  const result = {
    subscribers: SUBSCRIBERS,
    writesPerSecond: WRITES_PER_SECOND,
    durationSeconds: DURATION_S,
    writes,
    deliveriesExpected: expected,
    deliveriesReceived: latencies.length,
    eventsWithDuplicates: duplicates,
    latencyMs: { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) },
    upstreamCometdSubscriptions: cdc.clients.length,
    rssMiBPer1000Subscribers: Number(
      ((mib(rssAfter - rssBefore) * 1_000) / SUBSCRIBERS).toFixed(1),
    ),
    rssMiB: Number(mib(process.memoryUsage().rss).toFixed(1)),
  };
  console.table({
    subscribers: result.subscribers,
    'writes/s × s': `${WRITES_PER_SECOND} × ${DURATION_S}`,
    deliveries: `${result.deliveriesReceived}/${result.deliveriesExpected}`,
    'latency p50 (ms)': result.latencyMs.p50,
    'latency p99 (ms)': result.latencyMs.p99,
    'upstream CometD subscriptions': result.upstreamCometdSubscriptions,
    'RSS MiB per 1,000 subscribers': result.rssMiBPer1000Subscribers,
  });
  console.log(JSON.stringify(result));

  await Promise.all(clients.map((c) => c.dispose()));
  await gateway.stop();
  await demo.emulator.stop();
  if (result.upstreamCometdSubscriptions !== 1 || result.deliveriesReceived !== expected) {
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
