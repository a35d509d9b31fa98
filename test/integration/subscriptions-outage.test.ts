/**
 * An org outage: the emulator is unreachable for a few seconds (every socket cut), writes
 * keep committing in the org meanwhile, and the gateway's one CometD consumer must come back
 * on its own and deliver every change once, in order, without leaving a second client behind.
 */
import { loadConfig } from '../../src/config';
import type { EmulatorUser } from '../../src/emulators/salesforce/model/types';
import { createServer, type RunningGateway } from '../../src/server/create-server';
import { startDemoSalesforce, type DemoSalesforce } from '../../src/server/demo-bootstrap';
import {
  cometdClients,
  connectWs,
  subscribe,
  waitForSubscribers,
  DEMO_READYZ_HEADERS,
  type TestWsClient,
} from '../helpers/subscriptions-client';

interface Change {
  accountChanged: { changeType: string; recordIds: string[]; replayId: string };
}
const QUERY = 'subscription { accountChanged { changeType recordIds replayId } }';
const OUTAGE_MS = 3_000;

let demo: DemoSalesforce;
let gateway: RunningGateway;
let ws: TestWsClient | undefined;

beforeAll(async () => {
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    EMULATOR_SALESFORCE_PORT: '0',
  });
  demo = await startDemoSalesforce(config, { port: 0 });
  gateway = await createServer(demo.config);
});

afterAll(async () => {
  await ws?.dispose();
  await gateway?.stop();
  await demo?.emulator.stop();
});

async function faults(body: Record<string, unknown>): Promise<{ offlineMs: number }> {
  const response = await fetch(`${demo.emulator.url}/__emulator/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { offlineMs: number };
}

function writer(): EmulatorUser {
  const user = demo.emulator.store.users().find((u) => u.viewAllData);
  if (!user) throw new Error('the seed has no admin user');
  return user;
}

const short = (id: string | undefined): string => (id ?? '').slice(0, 15);

describe('org outage', () => {
  it('resumes after the org comes back: every change once, in order, one CometD client', async () => {
    const store = demo.emulator.store;
    const user = writer();
    ws = connectWs(gateway.url);
    const received = subscribe<Change>(ws, QUERY);
    await waitForSubscribers(
      { origin: new URL(gateway.url).origin, headers: DEMO_READYZ_HEADERS },
      1,
      received,
    );
    const clientsBefore = await cometdClients(demo.emulator.url);
    expect(clientsBefore).toHaveLength(1);

    const written = [store.create('Account', { Name: 'Before Outage' }, user)];
    expect((await received.take(1)).map((e) => short(e.accountChanged.recordIds[0]))).toEqual([
      short(written[0]),
    ]);

    expect((await faults({ offline: OUTAGE_MS })).offlineMs).toBeGreaterThan(OUTAGE_MS - 500);
    // The org is unreachable to everyone, not just to the gateway.
    await expect(fetch(`${demo.emulator.url}/services/data/`)).rejects.toThrow();
    await expect(
      fetch(`${demo.emulator.url}/services/oauth2/token`, { method: 'POST' }),
    ).rejects.toThrow();
    await expect(
      fetch(`${demo.emulator.url}/cometd/59.0`, { method: 'POST', body: '[]' }),
    ).rejects.toThrow();
    // The admin surface stays up, and the org kept its CometD client.
    expect(await cometdClients(demo.emulator.url)).toEqual(clientsBefore);
    for (let i = 0; i < 3; i += 1) {
      written.push(store.create('Account', { Name: `During Outage ${i}` }, user));
      await new Promise((r) => setTimeout(r, 300));
    }
    // Nothing can reach the subscriber while the org is unreachable.
    expect(await received.drain(OUTAGE_MS / 2)).toEqual([]);

    await new Promise((r) => setTimeout(r, OUTAGE_MS));
    for (let i = 0; i < 2; i += 1) {
      written.push(store.create('Account', { Name: `After Outage ${i}` }, user));
    }

    // faye retries a failed long-poll after its 5 s retry interval; once it lands the source
    // rebuilds its client and replays from the last processed id.
    const events = await received.take(written.length - 1, 25_000);
    expect(events.map((e) => short(e.accountChanged.recordIds[0]))).toEqual(
      written.slice(1).map(short),
    );
    expect(events.every((e) => e.accountChanged.changeType === 'CREATE')).toBe(true);
    const replayIds = events.map((e) => BigInt(e.accountChanged.replayId));
    expect(replayIds).toEqual([...replayIds].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set(replayIds).size).toBe(replayIds.length);
    expect(await received.drain(1_000)).toEqual([]);
    expect(received.errors).toEqual([]);
    // The source rebuilt its client (replaying from the last processed id) and disconnected
    // the old one first: exactly one client, and not the pre-outage one.
    const clientsAfter = await cometdClients(demo.emulator.url);
    expect(clientsAfter).toHaveLength(1);
    expect(clientsAfter).not.toEqual(clientsBefore);
  }, 60_000);
});
