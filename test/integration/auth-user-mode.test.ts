import { Writable } from 'node:stream';
import { DEMO_USERS } from '../../src/emulators/seed/salesforce-users';
import type {
  ApiUsageAndAccountCountQuery,
  ApiUsageMaxUsedQuery,
  ApiUsageUsedQuery,
  ViewerIdentityQuery,
  VisibleAccountOwnersQuery,
} from '../generated/graphql';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { operation } from '../helpers/operations';

/** AUTH_MODE=user end to end: a real gateway over HTTP, logging in against the emulator. */

const USERS = {
  admin: { username: 'admin@atom-demo.org', password: 'demo-admin-pass' },
  rep1: { username: 'rep1@atom-demo.org', password: 'demo-rep-pass' },
  rep2: { username: 'rep2@atom-demo.org', password: 'demo-rep-pass' },
  rep3: { username: 'rep3@atom-demo.org', password: 'demo-rep-pass' },
};
type Credentials = (typeof USERS)[keyof typeof USERS];

const LOGIN_PATH = '/auth/salesforce/login';
const logLines: string[] = [];
/** Every gateway secret the test gets to see; none may show up in a log line. */
const secretsSeen = new Set<string>(['atom-demo-secret', 'demo-admin-pass', 'demo-rep-pass']);
const captureLogs = () =>
  new Writable({
    write: (chunk: Buffer, _encoding, done) => {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  });

/** A browser: follows redirects by hand with a cookie jar per origin. */
class Browser {
  readonly jar = new Map<string, Map<string, string>>();
  constructor(private readonly user: Credentials) {}

  cookie(origin: string, name: string): string | undefined {
    return this.jar.get(origin)?.get(name);
  }

  /** Follows redirects until the login dance ends; fills the emulator's login form. */
  async login(gatewayOrigin: string, init: RequestInit = {}): Promise<Response> {
    let url = `${gatewayOrigin}${LOGIN_PATH}`;
    for (let hop = 0; hop < 10; hop += 1) {
      const target = new URL(url);
      if (target.pathname === '/services/oauth2/authorize') {
        target.searchParams.set('emulator_auto_approve', '1');
        target.searchParams.set('username', this.user.username);
        target.searchParams.set('password', this.user.password);
      }
      const response = await this.fetch(target.href, init);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return response;
      const next = new URL(location, target);
      if (!/^\/(auth|services\/oauth2)\//.test(next.pathname)) return response;
      url = next.href;
    }
    throw new Error('too many redirects');
  }

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const origin = new URL(url).origin;
    const headers = new Headers(init.headers);
    const jar = this.jar.get(origin) ?? new Map<string, string>();
    if (jar.size > 0)
      headers.set('cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair = ''] = setCookie.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      if (/Max-Age=0/i.test(setCookie)) jar.delete(name);
      else jar.set(name, pair.slice(pair.indexOf('=') + 1));
    }
    this.jar.set(origin, jar);
    return response;
  }
}

async function browserSession(gateway: TestGateway, user: Credentials): Promise<Browser> {
  const browser = new Browser(user);
  const response = await browser.login(gateway.origin);
  expect(response.status).toBe(302);
  expect(response.headers.get('location')).toBe('/');
  const session = browser.cookie(gateway.origin, 'atom_session');
  expect(session).toMatch(/^[A-Za-z0-9_-]{43}$/);
  secretsSeen.add(session ?? '');
  return browser;
}

/** The API-client flow: the callback answers JSON with an opaque gateway bearer token. */
async function bearerToken(gateway: TestGateway, user: Credentials): Promise<string> {
  const response = await new Browser(user).login(gateway.origin, {
    headers: { accept: 'application/json' },
  });
  expect(response.status).toBe(200);
  const { token } = (await response.json()) as { token: string };
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  secretsSeen.add(token);
  return token;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function injectFaults(gateway: TestGateway, faults: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${gateway.emulatorUrl}/__emulator/faults`, {
    method: 'POST',
    body: JSON.stringify(faults),
  });
  expect(response.ok).toBe(true);
}

function userId(username: string): string {
  const user = DEMO_USERS.find((u) => u.Username === username);
  if (!user) throw new Error(`no demo user ${username}`);
  return user.Id;
}

const ACCOUNTS = operation('VisibleAccountOwners');
/** The cheapest authenticated operation: one Salesforce call as the caller. */
const API_USAGE = operation('ApiUsageUsed');

function expectUnauthenticated(
  result: {
    status: number;
    body: { data?: unknown; errors?: Array<{ extensions?: Record<string, unknown> }> };
  },
  reason: string,
): void {
  expect(result.status).toBe(401);
  expect(result.body.errors).toHaveLength(1);
  expect(result.body.errors?.[0]?.extensions).toEqual({
    code: 'UNAUTHENTICATED',
    reason,
    login: LOGIN_PATH,
  });
}

describe('AUTH_MODE=user', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway({
      env: { AUTH_MODE: 'user' },
      emulator: { rotateRefreshTokens: true },
      logDestination: captureLogs(),
    });
  });

  it('refuses anonymous GraphQL with 401 before any Salesforce call', async () => {
    expect(gateway.authMode).toBe('user');
    await gateway.resetEmulatorStats();
    const result = await gateway.post<ApiUsageAndAccountCountQuery>(
      operation('ApiUsageAndAccountCount'),
    );
    expectUnauthenticated(result, 'credentials-missing');
    expect(result.headers.get('www-authenticate')).toBe('Bearer realm="atom-crm-gateway"');
    expect(result.body.data).toBeUndefined();
    expect((await gateway.emulatorStats()).total).toBe(0);
  });

  it('rejects a garbage bearer token and a forged cookie, still without Salesforce calls', async () => {
    await gateway.resetEmulatorStats();
    expectUnauthenticated(
      await gateway.post<ApiUsageUsedQuery>(API_USAGE, undefined, bearer('not-a-session')),
      'session-expired',
    );
    expectUnauthenticated(
      await gateway.post<ApiUsageUsedQuery>(API_USAGE, undefined, bearer('A'.repeat(43))),
      'session-expired',
    );
    expectUnauthenticated(
      await gateway.post<ApiUsageUsedQuery>(API_USAGE, undefined, {
        cookie: `atom_session=${'b'.repeat(43)}`,
      }),
      'session-expired',
    );
    expect((await gateway.emulatorStats()).total).toBe(0);
  });

  it('keeps /healthz open and reports readiness from OpenID discovery, not an API call', async () => {
    await gateway.resetEmulatorStats();
    const health = await fetch(`${gateway.origin}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${gateway.origin}/readyz`);
    expect(ready.status).toBe(200);
    // Anonymous: the status only (test/integration/http-edge-user-mode shows the details).
    expect(await ready.json()).toEqual({ status: 'ready' });
    expect((await gateway.emulatorStats()).total).toBe(0);
  });

  it('logs a browser in and runs GraphQL as that user with the session cookie', async () => {
    const browser = new Browser(USERS.rep1);
    const callback = await browser.login(gateway.origin);
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe('/');
    const sessionCookie = callback.headers
      .getSetCookie()
      .find((c) => c.startsWith('atom_session='));
    // httpOnly + SameSite; no Secure flag only because this gateway is plain-http loopback.
    expect(sessionCookie).toMatch(/; Path=\/; HttpOnly; SameSite=Lax$/);
    secretsSeen.add(browser.cookie(gateway.origin, 'atom_session') ?? '');
    const response = await browser.fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: operation('ViewerIdentity') }),
    });
    expect(response.status).toBe(200);
    expect((await response.json()) as { data: ViewerIdentityQuery }).toEqual({
      data: {
        viewer: { id: userId(USERS.rep1.username), name: 'Maya Patel', email: USERS.rep1.username },
      },
    });
  });

  it('gives API clients a bearer token that works for apiUsage', async () => {
    const token = await bearerToken(gateway, USERS.rep2);
    await gateway.resetEmulatorStats();
    const result = await gateway.post<ApiUsageMaxUsedQuery>(
      operation('ApiUsageMaxUsed'),
      undefined,
      bearer(token),
    );
    expect(result.status).toBe(200);
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data?.apiUsage.max).toBe(100000);
    const stats = await fetch(`${gateway.emulatorUrl}/__emulator/stats`);
    const { byUser } = (await stats.json()) as { byUser: Record<string, number> };
    // The call ran as rep2 in Salesforce, not as the integration user.
    expect(byUser).toEqual({ [USERS.rep2.username]: 1 });
  });

  it("shows each user exactly the accounts Salesforce's sharing gives them", async () => {
    const counts: Record<string, number> = {};
    for (const name of ['rep1', 'rep2', 'admin'] as const) {
      const user = USERS[name];
      const token = await bearerToken(gateway, user);
      const result = await gateway.post<VisibleAccountOwnersQuery>(
        ACCOUNTS,
        undefined,
        bearer(token),
      );
      expect(result.body.errors).toBeUndefined();
      const accounts = result.body.data?.accounts;
      const emulatorUser = gateway.emulator.store.userByUsername(user.username);
      if (!emulatorUser) throw new Error('unknown user');
      const visible = [...gateway.emulator.store.rows('Account')].filter((record) =>
        gateway.emulator.store.canSee(emulatorUser, 'Account', record),
      );
      expect(accounts?.totalCount).toBe(visible.length);
      if (name !== 'admin') {
        expect(accounts?.nodes.length).toBe(visible.length);
        for (const node of accounts?.nodes ?? []) expect(node.owner?.id).toBe(emulatorUser.Id);
      }
      counts[name] = accounts?.totalCount ?? -1;
    }
    expect(counts.rep1).toBeGreaterThan(0);
    expect(counts.rep2).toBeGreaterThan(0);
    expect(counts.admin).toBeGreaterThan((counts.rep1 ?? 0) + (counts.rep2 ?? 0));
  });

  it('refreshes transparently after the access tokens die, with one token call for N requests', async () => {
    const token = await bearerToken(gateway, USERS.rep1);
    expect(
      (await gateway.post<ApiUsageUsedQuery>(API_USAGE, undefined, bearer(token))).status,
    ).toBe(200);
    await injectFaults(gateway, { expireSessions: true });
    await gateway.resetEmulatorStats();
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        gateway.post<VisibleAccountOwnersQuery>(ACCOUNTS, undefined, bearer(token)),
      ),
    );
    for (const result of results) {
      expect(result.status).toBe(200);
      expect(result.body.errors).toBeUndefined();
      expect(result.body.data?.accounts.totalCount).toBeGreaterThan(0);
    }
    expect((await gateway.emulatorStats()).oauth).toEqual({ refresh_token: 1 });
    // The rotated grant was persisted: the next request needs no token call at all.
    expect(
      (await gateway.post<ApiUsageUsedQuery>(API_USAGE, undefined, bearer(token))).status,
    ).toBe(200);
    expect((await gateway.emulatorStats()).oauth).toEqual({ refresh_token: 1 });
  });

  it('logs out: revokes at Salesforce, clears the cookie, and the old session stops working', async () => {
    const browser = await browserSession(gateway, USERS.rep3);
    const session = browser.cookie(gateway.origin, 'atom_session') ?? '';
    const otherToken = await bearerToken(gateway, USERS.rep3);
    expect(
      (await gateway.post<ApiUsageUsedQuery>(API_USAGE, undefined, bearer(session))).status,
    ).toBe(200);
    await gateway.resetEmulatorStats();

    const response = await browser.fetch(`${gateway.origin}/auth/logout`, { method: 'POST' });
    expect(response.status).toBe(204);
    expect(response.headers.get('set-cookie')).toMatch(/^atom_session=; Max-Age=0; Path=\//);
    expect(browser.cookie(gateway.origin, 'atom_session')).toBeUndefined();

    expectUnauthenticated(
      await gateway.post<ApiUsageUsedQuery>(API_USAGE, undefined, bearer(session)),
      'session-expired',
    );
    // One grant per user: logging out revoked it, so the user's other sessions end too.
    expectUnauthenticated(
      await gateway.post<ApiUsageUsedQuery>(API_USAGE, undefined, bearer(otherToken)),
      'tokens-missing',
    );
    const stats = await gateway.emulatorStats();
    expect(stats.total).toBe(0);
    expect(stats.oauth).toEqual({});
  });

  it('answers 405 to GET /auth/logout', async () => {
    expect((await fetch(`${gateway.origin}/auth/logout`)).status).toBe(405);
  });
});

describe('AUTH_MODE=user session lifetime', () => {
  it('ends a session after SESSION_TTL_SECONDS with UNAUTHENTICATED', async () => {
    const gateway = await startTestGateway({
      env: { AUTH_MODE: 'user', SESSION_TTL_SECONDS: '1' },
      logDestination: captureLogs(),
    });
    const token = await bearerToken(gateway, USERS.rep1);
    expect(
      (await gateway.post<ApiUsageUsedQuery>(API_USAGE, undefined, bearer(token))).status,
    ).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    await gateway.resetEmulatorStats();
    expectUnauthenticated(
      await gateway.post<ApiUsageUsedQuery>(API_USAGE, undefined, bearer(token)),
      'session-expired',
    );
    expect((await gateway.emulatorStats()).total).toBe(0);
  });

  it('ends the session with a re-login hint when Salesforce revokes the grant, without a loop', async () => {
    const gateway = await startTestGateway({
      env: { AUTH_MODE: 'user' },
      logDestination: captureLogs(),
    });
    const token = await bearerToken(gateway, USERS.rep2);
    expect(
      (await gateway.post<ApiUsageUsedQuery>(API_USAGE, undefined, bearer(token))).status,
    ).toBe(200);
    // Revoke every grant at the emulator (access and refresh tokens alike).
    const reset = await fetch(`${gateway.emulatorUrl}/__emulator/reset?sessions=1`, {
      method: 'POST',
    });
    expect(reset.ok).toBe(true);

    const first = await gateway.post<ApiUsageUsedQuery>(API_USAGE, undefined, bearer(token));
    expectUnauthenticated(first, 'refresh-token-rejected');
    expect(first.body.data).toBeNull();
    expect((await gateway.emulatorStats()).oauth).toEqual({ refresh_token: 1 });

    const again = await gateway.post<ApiUsageUsedQuery>(API_USAGE, undefined, bearer(token));
    expectUnauthenticated(again, 'tokens-missing');
    const stats = await gateway.emulatorStats();
    expect(stats.oauth).toEqual({ refresh_token: 1 });
    // Salesforce counts no rejected call, and nothing was served after the session ended.
    expect(stats.total).toBe(0);
  });
});

describe('gateway logs during the flows', () => {
  it('contain no Salesforce token, code, session id, password or client secret', () => {
    const output = logLines.join('');
    expect(output).toContain('login completed');
    expect(output).toContain('access token refreshed');
    expect(output).toContain('logged out');
    expect(secretsSeen.size).toBeGreaterThan(8);
    for (const secret of secretsSeen) {
      expect(secret.length).toBeGreaterThan(8);
      expect(output.includes(secret)).toBe(false);
    }
    // Emulator token shapes: access `00D...!...`, refresh `5Aep...`, authorization code `aPrx...`.
    expect(output).not.toMatch(/00D[A-Za-z0-9]{12}![A-Za-z0-9_-]{16}/);
    expect(output).not.toMatch(/5Aep[A-Za-z0-9_-]{32}/);
    expect(output).not.toMatch(/aPrx[A-Za-z0-9_-]{32}/);
  });
});
