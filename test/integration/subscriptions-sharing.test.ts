/**
 * AUTH_MODE=user: CDC ignores sharing, the gateway must not. Reps with real sessions
 * subscribe; an admin writes records owned by one of them, moves them between owners, and a
 * rep logs out while subscribed.
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
const QUERY = `subscription { accountChanged { changeType recordIds record { ... on Account { name owner { id } } } } }`;

let gateway: SubscriptionGateway;
let admin: Connection;
/** A session of the admin: /readyz shows subscriber counts to signed-in callers only. */
let adminToken: string;
const asAdmin = () => ({
  origin: gateway.origin,
  headers: { authorization: `Bearer ${adminToken}` },
});
const sockets: TestWsClient[] = [];

function userId(username: string): string {
  const user = DEMO_USERS.find((u) => u.Username === username);
  if (!user) throw new Error(`no demo user ${username}`);
  return user.Id;
}

/** The API-client login of a demo user against this test's gateway. */
function bearerToken(username: string, password: string): Promise<string> {
  return gatewaySessionToken(gateway.origin, username, password);
}

beforeAll(async () => {
  // Credentials are re-checked every 250 ms here (60 s by default), so a logout shows quickly.
  gateway = await startSubscriptionGateway({
    env: { AUTH_MODE: 'user' },
    subscriptions: { revalidateEveryMs: 250 },
  });
  admin = await connectToEmulator(gateway.emulatorUrl, 'admin');
  adminToken = await bearerToken('admin@atom-demo.org', 'demo-admin-pass');
});

afterAll(async () => {
  for (const ws of sockets) await ws.dispose();
  await gateway.stop();
});

/** Closes every socket of a test, so the next one counts its own subscribers from 0. */
async function closeSockets(): Promise<void> {
  for (const ws of sockets.splice(0)) await ws.dispose();
  await waitForSubscribers(asAdmin(), 0);
}

describe('subscriptions respect Salesforce sharing (AUTH_MODE=user)', () => {
  it('refuses a connection without a session or with a made-up bearer (4403)', async () => {
    expect(await connectWs(gateway.url).closed).toMatchObject({ code: 4403 });
    const forged = connectWs(gateway.url, {
      connectionParams: { Authorization: `Bearer ${'x'.repeat(43)}` },
    });
    expect(await forged.closed).toMatchObject({ code: 4403 });
  });

  it('delivers a change only to the rep who can see the record', async () => {
    const rep1Token = await bearerToken('rep1@atom-demo.org', 'demo-rep-pass');
    const rep2Token = await bearerToken('rep2@atom-demo.org', 'demo-rep-pass');
    const rep1 = connectWs(gateway.url, {
      connectionParams: { Authorization: `Bearer ${rep1Token}` },
    });
    const rep2 = connectWs(gateway.url, {
      connectionParams: { authorization: `Bearer ${rep2Token}` },
    });
    sockets.push(rep1, rep2);
    const rep1Sees = subscribe<Change>(rep1, QUERY);
    const rep2Sees = subscribe<Change>(rep2, QUERY);
    await waitForSubscribers(asAdmin(), 2, rep1Sees);
    expect(rep2Sees.errors).toEqual([]);

    const rep2Owner = userId('rep2@atom-demo.org');
    const created = await admin
      .sobject('Account')
      .create({ Name: 'Rep2 Secret', OwnerId: rep2Owner });
    const id = created.id ?? '';
    const [create] = await rep2Sees.take(1);
    expect(create?.accountChanged).toMatchObject({
      changeType: 'CREATE',
      record: { name: 'Rep2 Secret', owner: { id: rep2Owner } },
    });
    // Deleted before the gateway checks the update: still checked (and delivered) as rep2.
    await admin.sobject('Account').update({ Id: id, Industry: 'Mining' });
    await admin.sobject('Account').destroy(id);
    const events = await rep2Sees.take(2);
    expect(events.map((e) => e.accountChanged.changeType)).toEqual(['UPDATE', 'DELETE']);
    expect(events[1]?.accountChanged.record).toBeNull();

    // rep1 gets its own record's change, and never rep2's.
    const mine = await admin
      .sobject('Account')
      .create({ Name: 'Rep1 Own', OwnerId: userId('rep1@atom-demo.org') });
    const [own] = await rep1Sees.take(1);
    expect(own?.accountChanged.recordIds.map((r) => r.slice(0, 15))).toEqual([
      mine.id?.slice(0, 15),
    ]);
    expect(await rep1Sees.drain(500)).toEqual([]);
    expect(
      rep1Sees.data.some((e) =>
        e.accountChanged.recordIds.some((r) => r.startsWith(id.slice(0, 15))),
      ),
    ).toBe(false);
  });
  it('stops delivering to a rep once the record moves to another owner', async () => {
    await closeSockets();
    const rep1 = connectWs(gateway.url, {
      connectionParams: {
        Authorization: `Bearer ${await bearerToken('rep1@atom-demo.org', 'demo-rep-pass')}`,
      },
    });
    const rep2 = connectWs(gateway.url, {
      connectionParams: {
        Authorization: `Bearer ${await bearerToken('rep2@atom-demo.org', 'demo-rep-pass')}`,
      },
    });
    sockets.push(rep1, rep2);
    const rep1Sees = subscribe<Change>(rep1, QUERY);
    const rep2Sees = subscribe<Change>(rep2, QUERY);
    await waitForSubscribers(asAdmin(), 2, rep1Sees);

    const rep1Owner = userId('rep1@atom-demo.org');
    const rep2Owner = userId('rep2@atom-demo.org');
    const id = (await admin.sobject('Account').create({ Name: 'Moving', OwnerId: rep1Owner }))
      .id as string;
    const [create] = await rep1Sees.take(1);
    expect(create?.accountChanged).toMatchObject({ changeType: 'CREATE' });

    // Within the access cache's lifetime: the owner change itself must be judged afresh.
    await admin.sobject('Account').update({ Id: id, OwnerId: rep2Owner });
    await admin.sobject('Account').update({ Id: id, Industry: 'Mining' });
    const [moved, edited] = await rep2Sees.take(2);
    expect(moved?.accountChanged).toMatchObject({
      changeType: 'UPDATE',
      record: { owner: { id: rep2Owner } },
    });
    expect(edited?.accountChanged.changeType).toBe('UPDATE');
    // rep1 saw the create and nothing after the record left their sight.
    expect(await rep1Sees.drain(500)).toEqual([]);
    expect(rep1Sees.data).toHaveLength(1);

    // And back: rep1 sees it again from the change that returns it.
    await admin.sobject('Account').update({ Id: id, OwnerId: rep1Owner });
    const [returned] = await rep1Sees.take(1);
    expect(returned?.accountChanged).toMatchObject({
      changeType: 'UPDATE',
      record: { owner: { id: rep1Owner } },
    });
  });

  it('authenticates the upgrade request by its session cookie, and closes 4403 on logout', async () => {
    await closeSockets();
    const token = await bearerToken('rep3@atom-demo.org', 'demo-rep-pass');
    const rep3 = connectWs(gateway.url, { headers: { cookie: `atom_session=${token}` } });
    sockets.push(rep3);
    const rep3Sees = subscribe<Change>(rep3, QUERY);
    await waitForSubscribers(asAdmin(), 1, rep3Sees);
    const mine = await admin
      .sobject('Account')
      .create({ Name: 'Rep3 Cookie', OwnerId: userId('rep3@atom-demo.org') });
    const [event] = await rep3Sees.take(1);
    expect(event?.accountChanged.recordIds[0]?.slice(0, 15)).toBe(mine.id?.slice(0, 15));

    const loggedOut = await fetch(`${gateway.origin}/auth/logout`, {
      method: 'POST',
      headers: { cookie: `atom_session=${token}` },
    });
    expect(loggedOut.status).toBe(204);
    // The open socket is not trusted forever: the next re-check ends it.
    expect(await rep3.closed).toMatchObject({ code: 4403, reason: 'Forbidden' });
    await waitForSubscribers(asAdmin(), 0);
    // And the same cookie cannot open a new one.
    const again = connectWs(gateway.url, { headers: { cookie: `atom_session=${token}` } });
    sockets.push(again);
    expect(await again.closed).toMatchObject({ code: 4403 });
  });
});
