/**
 * AUTH_MODE=user: CDC ignores sharing, the gateway must not. Two reps with real sessions
 * subscribe; an admin writes records owned by one of them.
 */
import { Connection } from 'jsforce';
import { DEMO_OAUTH_CLIENT } from '../../src/emulators/salesforce';
import { DEMO_USERS } from '../../src/emulators/seed/salesforce-users';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import {
  connectWs,
  subscribe,
  waitForSubscribers,
  type TestWsClient,
} from './subscriptions-client';

interface Change {
  accountChanged: {
    changeType: string;
    recordIds: string[];
    record: { name: string; owner: { id: string } | null } | null;
  };
}
const QUERY = `subscription { accountChanged { changeType recordIds record { ... on Account { name owner { id } } } } }`;

let gateway: TestGateway;
let admin: Connection;
const sockets: TestWsClient[] = [];

function userId(username: string): string {
  const user = DEMO_USERS.find((u) => u.Username === username);
  if (!user) throw new Error(`no demo user ${username}`);
  return user.Id;
}

/** The API-client login: follow the redirects, the callback answers JSON with a bearer token. */
async function bearerToken(username: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  let url = `${gateway.origin}/auth/salesforce/login`;
  for (let hop = 0; hop < 10; hop += 1) {
    const target = new URL(url);
    if (target.pathname === '/services/oauth2/authorize') {
      target.searchParams.set('emulator_auto_approve', '1');
      target.searchParams.set('username', username);
      target.searchParams.set('password', password);
    }
    const headers: Record<string, string> = { accept: 'application/json' };
    if (target.origin === gateway.origin && jar.size > 0) {
      headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    }
    const response = await fetch(target, { headers, redirect: 'manual' });
    if (target.origin === gateway.origin) {
      for (const cookie of response.headers.getSetCookie()) {
        const [pair = ''] = cookie.split(';');
        jar.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
      }
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      url = new URL(location, target).href;
      continue;
    }
    const body = (await response.json()) as { token?: string };
    if (!body.token) throw new Error(`login failed: ${JSON.stringify(body)}`);
    return body.token;
  }
  throw new Error('too many redirects');
}

beforeAll(async () => {
  gateway = await startTestGateway({ env: { AUTH_MODE: 'user' } });
  admin = new Connection({
    loginUrl: gateway.emulatorUrl,
    version: '59.0',
    oauth2: {
      clientId: DEMO_OAUTH_CLIENT.clientId,
      clientSecret: DEMO_OAUTH_CLIENT.clientSecret,
      redirectUri: DEMO_OAUTH_CLIENT.redirectUris[0],
      loginUrl: gateway.emulatorUrl,
    },
  });
  await admin.login('admin@atom-demo.org', 'demo-admin-pass');
});

afterAll(async () => {
  for (const ws of sockets) await ws.dispose();
});

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
    await waitForSubscribers(gateway.origin, 2, rep1Sees);
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
});
