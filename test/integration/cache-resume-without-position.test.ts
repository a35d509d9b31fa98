/**
 * The org drops the gateway's CometD session before any change event gave the stream a
 * position: the new subscription starts from "now" and cannot replay what was committed in
 * between. The gateway says so (a GAP per object) and the cache forgets, so a write made in
 * that window is never answered from a cached entry that predates it.
 */
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { connectToEmulator } from '../helpers/salesforce-target';
import { cometdClients } from '../helpers/subscriptions-client';
import { waitFor, waitUntil } from '../helpers/wait-for';

const ACCOUNTS = 'query { accounts(first: 3, orderBy: [{ field: NAME }]) { nodes { id phone } } }';

interface Accounts {
  accounts: { nodes: Array<{ id: string; phone: string | null }> };
}

let gw: TestGateway;

beforeAll(async () => {
  gw = await startTestGateway({ env: { CACHE_ENABLED: 'true' } });
  await waitFor(() => gw.gateway.cacheStatus()?.invalidation === 'change-events', 15_000);
});

afterAll(() => gw.stop());

async function accounts(): Promise<Accounts['accounts']['nodes']> {
  const answer = await gw.graphql<Accounts>(ACCOUNTS);
  expect(answer.errors).toBeUndefined();
  return answer.data?.accounts.nodes ?? [];
}

it('refetches what changed while the stream had no position to resume from', async () => {
  const [first] = await accounts();
  if (!first) throw new Error('no account');
  await gw.resetEmulatorStats();
  await accounts();
  expect((await gw.emulatorStats()).total).toBe(0);
  expect(gw.gateway.liveStats()?.lastReplayId).toBeUndefined();

  const [oldClient] = await cometdClients(gw.emulatorUrl);
  const drop = await fetch(`${gw.emulatorUrl}/__emulator/cdc/drop-clients`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  expect(drop.status).toBe(200);
  const sf = await connectToEmulator(gw.emulatorUrl, 'admin');
  await sf.sobject('Account').update({ Id: first.id, Phone: '+1 555 0199' });
  await waitUntil(async () => {
    const clients = await cometdClients(gw.emulatorUrl);
    return clients.length === 1 && clients[0] !== oldClient;
  }, 15_000);

  // The change event of that write is never delivered; the GAP makes the next read go to
  // Salesforce and show it.
  await waitUntil(async () => (await accounts())[0]?.phone === '+1 555 0199', 10_000);
});
