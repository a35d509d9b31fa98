import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import jsforce from 'jsforce';
import { asSessionEndedError, SessionEndedError } from '../../src/auth/auth-errors';
import { createAuthLogger } from '../../src/auth/auth-logger';
import { createAuth, type Auth } from '../../src/auth/create-auth';
import { deriveKeyring, parseEncryptionKeys } from '../../src/auth/encryption-keys';
import { openFlowState, sealFlowState } from '../../src/auth/login-flow-state';
import type { UserCredentials } from '../../src/auth/request-credentials';
import {
  startSalesforceEmulator,
  type RunningSalesforceEmulator,
} from '../../src/emulators/salesforce';
import { leftovers } from '../helpers/leftovers';

const USERS = {
  admin: { username: 'admin@atom-demo.org', password: 'demo-admin-pass' },
  rep: { username: 'rep1@atom-demo.org', password: 'demo-rep-pass' },
};
const CLIENT = { clientId: 'atom-demo-client', clientSecret: 'atom-demo-secret' };
const ENCRYPTION_KEYS = `k1:${randomBytes(32).toString('base64')}`;

const logLines: string[] = [];
const secretsSeen = new Set<string>();
let emulator: RunningSalesforceEmulator;
let gateway: { url: string; server: Server };
let auth: Auth;
const tokenCalls: string[] = [];

/** Counts token-endpoint calls by grant type and remembers every secret for the log audit. */
const observingFetch = (tamper?: (body: Record<string, unknown>) => void) =>
  (async (url: string, options: RequestInit) => {
    const body = options.body;
    if (url.endsWith('/services/oauth2/token') && body instanceof URLSearchParams) {
      tokenCalls.push(body.get('grant_type') ?? '?');
      for (const name of ['code', 'code_verifier', 'refresh_token', 'client_secret']) {
        const value = body.get(name);
        if (value) secretsSeen.add(value);
      }
    }
    const response = await fetch(url, options);
    if (!url.endsWith('/services/oauth2/token') || !response.ok) return response;
    const json = (await response.json()) as Record<string, unknown>;
    for (const name of ['access_token', 'refresh_token', 'id_token']) {
      if (typeof json[name] === 'string') secretsSeen.add(json[name]);
    }
    tamper?.(json);
    return new Response(JSON.stringify(json), {
      status: response.status,
      headers: response.headers,
    });
  }) as never;

/** A tiny gateway: auth routes, and /whoami that queries Salesforce as the resolved user. */
async function startGateway(getAuth: () => Auth): Promise<{ url: string; server: Server }> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const current = getAuth();
      if (await current.handleAuthRoute(req, res)) return;
      try {
        const credentials = await current.resolveCredentialsFromRequest(req.headers);
        if (credentials?.kind !== 'user') return send(res, 401, { error: 'UNAUTHENTICATED' });
        const conn = new jsforce.Connection({
          instanceUrl: credentials.instanceUrl,
          accessToken: credentials.accessToken,
          version: '59.0',
          refreshFn: credentials.jsforceRefreshFn,
        });
        const result = await conn.query<{ Username: string }>(
          `SELECT Username FROM User WHERE Id = '${credentials.userId}'`,
        );
        send(res, 200, { username: credentials.username, queried: result.records[0]?.Username });
      } catch (err) {
        const ended = asSessionEndedError(err);
        if (ended)
          return send(res, 401, {
            error: 'UNAUTHENTICATED',
            reason: ended.reason,
            login: ended.loginPath,
          });
        send(res, 500, { error: err instanceof Error ? err.message : 'unknown' });
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}

/** A browser: follows redirects by hand, keeps a cookie jar per origin. */
class Browser {
  readonly jar = new Map<string, Map<string, string>>();
  /** Fills the emulator's login form (its non-interactive approval) when it reaches it. */
  constructor(private readonly user?: { username: string; password: string }) {}

  cookie(origin: string, name: string): string | undefined {
    return this.jar.get(origin)?.get(name);
  }

  async get(
    start: string,
    init: RequestInit = {},
  ): Promise<{ response: Response; url: string; hops: string[] }> {
    let url = start;
    const hops: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      const target = new URL(url);
      if (this.user && target.pathname === '/services/oauth2/authorize') {
        target.searchParams.set('emulator_auto_approve', '1');
        target.searchParams.set('username', this.user.username);
        target.searchParams.set('password', this.user.password);
      }
      const response = await this.fetch(target.href, init);
      hops.push(`${response.status} ${target.pathname}`);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location)
        return { response, url: target.href, hops };
      url = new URL(location, target).href;
      // Stop where the auth dance ends (the app page after login).
      if (!/^\/(auth|services\/oauth2)\//.test(new URL(url).pathname))
        return { response, url: target.href, hops };
    }
    throw new Error('too many redirects');
  }

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const origin = new URL(url).origin;
    const cookies = [...(this.jar.get(origin) ?? new Map<string, string>())]
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
    const headers = new Headers(init.headers);
    if (cookies) headers.set('cookie', cookies);
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair = ''] = setCookie.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      const jar = this.jar.get(origin) ?? new Map<string, string>();
      if (/Max-Age=0/i.test(setCookie)) jar.delete(name);
      else jar.set(name, value);
      this.jar.set(origin, jar);
    }
    return response;
  }
}

async function loginAs(user: { username: string; password: string }): Promise<Browser> {
  const browser = new Browser(user);
  const { response } = await browser.get(`${gateway.url}/auth/salesforce/login`);
  expect(response.status).toBe(302);
  expect(response.headers.get('location')).toBe('/');
  return browser;
}

async function sessionTokenFor(user: { username: string; password: string }): Promise<string> {
  const browser = new Browser(user);
  const { response } = await browser.get(`${gateway.url}/auth/salesforce/login`, {
    headers: { accept: 'application/json' },
  });
  expect(response.status).toBe(200);
  const { token } = (await response.json()) as { token: string };
  secretsSeen.add(token);
  return token;
}

async function buildAuth(fetchOverride = observingFetch()): Promise<Auth> {
  const logger = createAuthLogger({
    level: 'debug',
    destination: new Writable({
      write: (chunk: Buffer, _enc, done) => {
        logLines.push(chunk.toString('utf8'));
        done();
      },
    }),
  });
  const created = await createAuth({
    mode: 'user',
    gatewayUrl: gateway.url,
    tokenEncryptionKeys: ENCRYPTION_KEYS,
    namespace: `test-auth-${randomBytes(6).toString('hex')}`,
    salesforce: {
      loginUrl: emulator.url,
      ...CLIENT,
      allowInsecureHttp: true,
      fetch: fetchOverride,
    },
    logger,
    refresh: { pollIntervalMs: 10, minRefreshIntervalMs: 2_000 },
  });
  leftovers.push(() => created.close());
  return created;
}

beforeAll(async () => {
  gateway = await startGateway(() => auth);
  leftovers.push(() => new Promise<void>((resolve) => gateway.server.close(() => resolve())));
  emulator = await startSalesforceEmulator({
    rotateRefreshTokens: true,
    redirectUris: [`${gateway.url}/auth/salesforce/callback`],
  });
  leftovers.push(() => emulator.stop());
  secretsSeen.add(CLIENT.clientSecret);
  auth = await buildAuth();
});

describe('login', () => {
  it('runs the browser flow end to end and gives an httpOnly SameSite session cookie', async () => {
    const browser = new Browser(USERS.rep);
    const { response, hops } = await browser.get(`${gateway.url}/auth/salesforce/login`);
    expect(hops).toEqual([
      '302 /auth/salesforce/login',
      '302 /services/oauth2/authorize',
      '302 /auth/salesforce/callback',
    ]);
    expect(response.headers.get('location')).toBe('/');
    const setCookies = response.headers.getSetCookie();
    const sessionCookie = setCookies.find((c) => c.startsWith('atom_session='));
    expect(sessionCookie).toMatch(/HttpOnly/);
    expect(sessionCookie).toMatch(/SameSite=Lax/);
    expect(sessionCookie).not.toMatch(/Secure/); // plain-http loopback gateway
    expect(setCookies.some((c) => c.startsWith('atom_login_flow=;'))).toBe(true);
    const session = browser.cookie(new URL(gateway.url).origin, 'atom_session');
    expect(session).toMatch(/^[A-Za-z0-9_-]{43}$/);
    secretsSeen.add(session ?? '');

    const whoami = await browser.fetch(`${gateway.url}/whoami`);
    expect(await whoami.json()).toEqual({
      username: USERS.rep.username,
      queried: USERS.rep.username,
    });
  });

  it('brings the browser back to a local `return` path, and to / for anything else', async () => {
    const landing = async (query: string) => {
      const browser = new Browser(USERS.rep);
      const { response } = await browser.get(`${gateway.url}/auth/salesforce/login${query}`);
      expect(response.status).toBe(302);
      return response.headers.get('location');
    };
    expect(await landing('?return=/dashboard')).toBe('/dashboard');
    for (const hostile of [
      '//evil.example/x',
      'https://evil.example',
      '/\\evil.example',
      'dashboard',
    ]) {
      expect([hostile, await landing(`?return=${encodeURIComponent(hostile)}`)]).toEqual([
        hostile,
        '/',
      ]);
    }
    // One browser: a login without `return` does not inherit the previous one's.
    const browser = new Browser(USERS.rep);
    await browser.get(`${gateway.url}/auth/salesforce/login?return=/dashboard`);
    const { response } = await browser.get(`${gateway.url}/auth/salesforce/login`);
    expect(response.headers.get('location')).toBe('/');
  });

  it('sends PKCE S256, state and nonce to the authorize endpoint', async () => {
    const first = await fetch(`${gateway.url}/auth/salesforce/login`, { redirect: 'manual' });
    const authorize = new URL(first.headers.get('location') ?? '');
    expect(authorize.origin + authorize.pathname).toBe(`${emulator.url}/services/oauth2/authorize`);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    expect(authorize.searchParams.get('scope')).toBe('api refresh_token openid');
    expect(first.headers.get('set-cookie')).toMatch(
      /^atom_login_flow=.+; Path=\/auth\/salesforce; HttpOnly; SameSite=Lax/,
    );
  });

  it('gives API clients a bearer token; two users see their own identity', async () => {
    const repToken = await sessionTokenFor(USERS.rep);
    const adminToken = await sessionTokenFor(USERS.admin);
    const asRep = await fetch(`${gateway.url}/whoami`, {
      headers: { authorization: `Bearer ${repToken}` },
    });
    const asAdmin = await fetch(`${gateway.url}/whoami`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect((await asRep.json()) as unknown).toMatchObject({ queried: USERS.rep.username });
    expect((await asAdmin.json()) as unknown).toMatchObject({ queried: USERS.admin.username });
  });

  it('rejects a callback whose state does not match the flow cookie', async () => {
    const evil = new Browser(USERS.rep);
    const start = await evil.fetch(`${gateway.url}/auth/salesforce/login`);
    const authorize = new URL(start.headers.get('location') ?? '');
    authorize.searchParams.set('state', 'attacker-chosen-state');
    const { response } = await evil.get(authorize.href);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'token-exchange-failed' });
    expect(evil.cookie(new URL(gateway.url).origin, 'atom_session')).toBeUndefined();
  });

  it('rejects a callback without the flow cookie', async () => {
    const browser = new Browser(USERS.rep);
    const start = await browser.fetch(`${gateway.url}/auth/salesforce/login`);
    browser.jar.clear();
    const { response } = await browser.get(start.headers.get('location') ?? '');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'flow-cookie-missing' });
  });

  it('rejects a replayed authorization code', async () => {
    const browser = new Browser(USERS.rep);
    const start = await browser.fetch(`${gateway.url}/auth/salesforce/login`);
    const flowCookie = browser.cookie(new URL(gateway.url).origin, 'atom_login_flow') ?? '';
    const toCallback = await browser.fetch(approve(start.headers.get('location') ?? '', USERS.rep));
    const callback = toCallback.headers.get('location') ?? '';
    const first = await fetch(callback, {
      headers: { cookie: `atom_login_flow=${flowCookie}` },
      redirect: 'manual',
    });
    expect(first.status).toBe(302);
    const replay = await fetch(callback, {
      headers: { cookie: `atom_login_flow=${flowCookie}` },
      redirect: 'manual',
    });
    expect(replay.status).toBe(400);
    expect(await replay.json()).toMatchObject({
      error: 'token-exchange-failed',
      message: expect.stringContaining('invalid_grant'),
    });
  });

  it('rejects a wrong PKCE code verifier', async () => {
    const browser = new Browser(USERS.rep);
    const start = await browser.fetch(`${gateway.url}/auth/salesforce/login`);
    const flowKeyring = deriveKeyring(parseEncryptionKeys(ENCRYPTION_KEYS), 'login-flow');
    const flow = openFlowState(
      decodeURIComponent(browser.cookie(new URL(gateway.url).origin, 'atom_login_flow') ?? ''),
      flowKeyring,
      60_000,
    );
    const forged = sealFlowState(
      { ...flow, codeVerifier: randomBytes(32).toString('base64url') },
      flowKeyring,
    );
    const toCallback = await browser.fetch(approve(start.headers.get('location') ?? '', USERS.rep));
    const response = await fetch(toCallback.headers.get('location') ?? '', {
      headers: { cookie: `atom_login_flow=${encodeURIComponent(forged)}` },
      redirect: 'manual',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      message: expect.stringContaining('invalid_grant'),
    });
  });

  it('rejects an id_token whose signature does not verify, and stores nothing', async () => {
    const honest = auth;
    auth = await buildAuth(
      observingFetch((body) => {
        const [header, payload, signature] = String(body.id_token).split('.');
        const claims = JSON.parse(
          Buffer.from(payload ?? '', 'base64url').toString('utf8'),
        ) as Record<string, unknown>;
        claims.preferred_username = 'admin@atom-demo.org';
        body.id_token = [
          header,
          Buffer.from(JSON.stringify(claims)).toString('base64url'),
          signature,
        ].join('.');
      }),
    );
    try {
      const browser = new Browser(USERS.rep);
      const { response } = await browser.get(`${gateway.url}/auth/salesforce/login`);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'token-exchange-failed' });
      expect(browser.cookie(new URL(gateway.url).origin, 'atom_session')).toBeUndefined();
    } finally {
      auth = honest;
    }
  });

  it('answers 405 to a GET logout and ignores unrelated paths', async () => {
    expect((await fetch(`${gateway.url}/auth/logout`)).status).toBe(405);
    const res = await fetch(`${gateway.url}/whoami`);
    expect(res.status).toBe(401);
  });
});

describe('refresh', () => {
  it('refreshes once for concurrent requests after the access token dies, then keeps working', async () => {
    const token = await sessionTokenFor(USERS.rep);
    const session = await auth.sessions.get(token);
    const before = await auth.vault.get(session?.record.vaultKey ?? '');
    await fetch(`${emulator.url}/__emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ expireSessions: true }),
    });
    tokenCalls.length = 0;
    const responses = await Promise.all(
      Array.from({ length: 6 }, () =>
        fetch(`${gateway.url}/whoami`, { headers: { authorization: `Bearer ${token}` } }),
      ),
    );
    for (const response of responses) expect(response.status).toBe(200);
    expect(tokenCalls).toEqual(['refresh_token']);
    const after = await auth.vault.get(session?.record.vaultKey ?? '');
    expect(after?.accessToken).not.toBe(before?.accessToken);
    expect(after?.refreshToken).not.toBe(before?.refreshToken); // rotation persisted
    for (const value of [after?.accessToken, after?.refreshToken])
      if (value) secretsSeen.add(value);
  });

  it('ends the session with a re-login hint when the refresh token is revoked, without looping', async () => {
    const token = await sessionTokenFor(USERS.admin);
    const session = await auth.sessions.get(token);
    const tokens = await auth.vault.get(session?.record.vaultKey ?? '');
    const revoke = await fetch(`${emulator.url}/services/oauth2/revoke`, {
      method: 'POST',
      body: new URLSearchParams({ token: tokens?.refreshToken ?? '' }),
    });
    expect(revoke.status).toBe(200);
    tokenCalls.length = 0;
    const response = await fetch(`${gateway.url}/whoami`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: 'UNAUTHENTICATED',
      reason: 'refresh-token-rejected',
      login: '/auth/salesforce/login',
    });
    expect(tokenCalls).toEqual(['refresh_token']);
    const again = await fetch(`${gateway.url}/whoami`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(again.status).toBe(401);
    expect(tokenCalls).toEqual(['refresh_token']);
  });

  it('exposes the typed error to callers that bypass jsforce', async () => {
    const token = await sessionTokenFor(USERS.rep);
    const credentials = (await auth.resolveCredentialsFromRequest({
      authorization: `Bearer ${token}`,
    })) as UserCredentials;
    await auth.vault.delete(credentials.session.record.vaultKey);
    await expect(credentials.refreshAccessToken()).rejects.toBeInstanceOf(SessionEndedError);
  });
});

describe('logout', () => {
  it('revokes at Salesforce, deletes the session and clears the cookie', async () => {
    const browser = await loginAs(USERS.rep);
    const sessionId = browser.cookie(new URL(gateway.url).origin, 'atom_session') ?? '';
    const session = await auth.sessions.get(sessionId);
    const tokens = await auth.vault.get(session?.record.vaultKey ?? '');
    const accessToken = tokens?.accessToken ?? '';
    const query = () =>
      fetch(
        `${emulator.url}/services/data/v59.0/query?q=${encodeURIComponent('SELECT Id FROM Account LIMIT 1')}`,
        {
          headers: { authorization: `Bearer ${accessToken}` },
        },
      );
    expect((await query()).status).toBe(200);

    const response = await browser.fetch(`${gateway.url}/auth/logout`, { method: 'POST' });
    expect(response.status).toBe(204);
    expect(response.headers.get('set-cookie')).toMatch(/^atom_session=; Max-Age=0; Path=\//);
    expect((await query()).status).toBe(401);
    expect(await auth.sessions.get(sessionId)).toBeUndefined();
    const whoami = await fetch(`${gateway.url}/whoami`, {
      headers: { authorization: `Bearer ${sessionId}` },
    });
    expect(whoami.status).toBe(401);
  });
});

describe('logs', () => {
  it('never contain a token, code, verifier, session id or client secret', () => {
    const output = logLines.join('');
    expect(logLines.length).toBeGreaterThan(5);
    expect(output).toContain('login completed');
    expect(output).toContain('access token refreshed');
    expect(output).toContain('logged out');
    expect(secretsSeen.size).toBeGreaterThan(10);
    for (const secret of secretsSeen) {
      expect(secret.length).toBeGreaterThan(8);
      expect(output.includes(secret)).toBe(false);
    }
  });
});

function approve(authorizeUrl: string, user: { username: string; password: string }): string {
  const url = new URL(authorizeUrl);
  url.searchParams.set('emulator_auto_approve', '1');
  url.searchParams.set('username', user.username);
  url.searchParams.set('password', user.password);
  return url.href;
}
