/**
 * Shared execution over graphql-ws (AUTH_MODE=user): subscribers of the same document,
 * variables and viewer share one execution per event; other variables or another viewer
 * (who could see other rows) get their own. Counted with the gateway's execution counter.
 */
import type { Connection } from 'jsforce';
import { DEMO_USERS } from '../../src/emulators/seed/salesforce-users';
import { gatewaySessionToken } from '../helpers/gateway-login';
import { connectToEmulator } from '../helpers/salesforce-target';
import {
  connectWs,
  startSubscriptionGateway,
  subscribe,
  waitForSubscribers,
  type SubscriptionGateway,
  type TestWsClient,
} from '../helpers/subscriptions-client';

interface Change {
  accountChanged: {
    changeType: string;
    recordIds: string[];
    record: { name: string; owner: { id: string } | null } | null;
  };
}
const QUERY = `subscription Changes($types: [ChangeType!]) {
  accountChanged(changeTypes: $types) { changeType recordIds record { ... on Account { name owner { id } } } }
}`;

let gateway: SubscriptionGateway;
let admin: Connection;
let adminToken: string;
let rep1Token: string;
const sockets: TestWsClient[] = [];
const asAdmin = () => ({
  origin: gateway.origin,
  headers: { authorization: `Bearer ${adminToken}` },
});

function userId(username: string): string {
  const user = DEMO_USERS.find((u) => u.Username === username);
  if (!user) throw new Error(`no demo user ${username}`);
  return user.Id;
}

function socketOf(token: string): TestWsClient {
  const ws = connectWs(gateway.url, { connectionParams: { Authorization: `Bearer ${token}` } });
  sockets.push(ws);
  return ws;
}

const sharing = () => gateway.gateway.subscriptionSharing();

async function createAccount(name: string, owner: string): Promise<string> {
  const created = await admin.sobject('Account').create({ Name: name, OwnerId: userId(owner) });
  return created.id ?? '';
}

beforeAll(async () => {
  gateway = await startSubscriptionGateway({ env: { AUTH_MODE: 'user' } });
  admin = await connectToEmulator(gateway.emulatorUrl, 'admin');
  adminToken = await gatewaySessionToken(gateway.origin, 'admin@atom-demo.org', 'demo-admin-pass');
  rep1Token = await gatewaySessionToken(gateway.origin, 'rep1@atom-demo.org', 'demo-rep-pass');
});

afterEach(async () => {
  for (const ws of sockets.splice(0)) await ws.dispose();
  await waitForSubscribers(asAdmin(), 0);
  expect(sharing()).toMatchObject({ groups: 0, members: 0 });
});

afterAll(async () => {
  await gateway.stop();
});

describe('shared subscription execution', () => {
  it('runs one execution per event for subscribers of one document, variables and viewer', async () => {
    const first = socketOf(rep1Token);
    const second = socketOf(rep1Token);
    const variables = { types: ['CREATE'] };
    const seen = [
      subscribe<Change>(first, QUERY, variables),
      subscribe<Change>(first, QUERY, variables),
      subscribe<Change>(second, QUERY, variables),
    ];
    await waitForSubscribers(asAdmin(), 3, seen[0]);
    expect(sharing()).toMatchObject({ groups: 1, members: 3 });
    const before = sharing().executions;

    const id = await createAccount('Shared Once', 'rep1@atom-demo.org');
    const events = await Promise.all(seen.map(async (s) => (await s.take(1))[0]));
    // Each subscription id got its event (graphql-ws routes by id), and the same payload.
    expect(events[0]?.accountChanged).toMatchObject({
      changeType: 'CREATE',
      record: { name: 'Shared Once', owner: { id: userId('rep1@atom-demo.org') } },
    });
    expect(events[0]?.accountChanged.recordIds.map((r) => r.slice(0, 15))).toEqual([
      id.slice(0, 15),
    ]);
    expect(events[1]).toEqual(events[0]);
    expect(events[2]).toEqual(events[0]);
    expect(sharing().executions - before).toBe(1);
  });

  it('keeps two sessions of the same user apart (each may log out on its own)', async () => {
    const otherSession = await gatewaySessionToken(
      gateway.origin,
      'rep1@atom-demo.org',
      'demo-rep-pass',
    );
    const variables = { types: ['CREATE'] };
    const seen = [
      subscribe<Change>(socketOf(rep1Token), QUERY, variables),
      subscribe<Change>(socketOf(otherSession), QUERY, variables),
    ];
    await waitForSubscribers(asAdmin(), 2, seen[0]);
    expect(sharing()).toMatchObject({ groups: 2, members: 2 });
    const before = sharing().executions;

    await createAccount('Two Sessions', 'rep1@atom-demo.org');
    const events = await Promise.all(seen.map(async (s) => (await s.take(1))[0]));
    expect(events[0]?.accountChanged.record).toMatchObject({ name: 'Two Sessions' });
    expect(events[1]).toEqual(events[0]);
    expect(sharing().executions - before).toBe(2);
  });

  it('executes separately for different variables', async () => {
    const ws = socketOf(rep1Token);
    const creates = subscribe<Change>(ws, QUERY, { types: ['CREATE'] });
    const all = subscribe<Change>(ws, QUERY, { types: ['CREATE', 'UPDATE'] });
    await waitForSubscribers(asAdmin(), 2, creates);
    expect(sharing()).toMatchObject({ groups: 2, members: 2 });
    const before = sharing().executions;

    await createAccount('Two Groups', 'rep1@atom-demo.org');
    const [a] = await creates.take(1);
    const [b] = await all.take(1);
    expect(a?.accountChanged.record?.name).toBe('Two Groups');
    expect(b).toEqual(a);
    expect(sharing().executions - before).toBe(2);
  });

  it('never shares between a rep and an admin: the rep sees only its own records', async () => {
    const rep = subscribe<Change>(socketOf(rep1Token), QUERY);
    const boss = subscribe<Change>(socketOf(adminToken), QUERY);
    await waitForSubscribers(asAdmin(), 2, rep);
    expect(sharing()).toMatchObject({ groups: 2, members: 2 });
    const before = sharing().executions;

    await createAccount('Not For Rep1', 'rep2@atom-demo.org');
    const [others] = await boss.take(1);
    expect(others?.accountChanged.record?.name).toBe('Not For Rep1');
    // Only the admin's group executed; rep1's access check dropped the change.
    expect(sharing().executions - before).toBe(1);

    await createAccount('Rep1 Own', 'rep1@atom-demo.org');
    const [own] = await rep.take(1);
    expect(own?.accountChanged.record?.name).toBe('Rep1 Own');
    const [bossOwn] = await boss.take(1);
    expect(bossOwn?.accountChanged.record?.name).toBe('Rep1 Own');
    expect(await rep.drain(300)).toEqual([]);
    expect(sharing().executions - before).toBe(3);
  });

  it('unsubscribing or closing leaves the group; the last one out ends it', async () => {
    const first = socketOf(rep1Token);
    const second = socketOf(rep1Token);
    const leaving = subscribe<Change>(first, QUERY);
    const staying = subscribe<Change>(second, QUERY);
    const closing = subscribe<Change>(second, QUERY);
    await waitForSubscribers(asAdmin(), 3, staying);
    expect(sharing()).toMatchObject({ groups: 1, members: 3 });

    leaving.unsubscribe();
    await waitForSubscribers(asAdmin(), 2);
    expect(sharing()).toMatchObject({ groups: 1, members: 2 });
    closing.unsubscribe();
    await waitForSubscribers(asAdmin(), 1);

    await createAccount('After Leaving', 'rep1@atom-demo.org');
    const [event] = await staying.take(1);
    expect(event?.accountChanged.record?.name).toBe('After Leaving');
    expect(leaving.data).toEqual([]);
    expect(closing.data).toEqual([]);

    await second.dispose();
    await waitForSubscribers(asAdmin(), 0);
    expect(sharing()).toMatchObject({ groups: 0, members: 0 });
  });
});
