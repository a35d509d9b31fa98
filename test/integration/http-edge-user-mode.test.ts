/**
 * The HTTP edge in AUTH_MODE=user with CORS_ORIGINS set: cookie-authenticated browsers on a
 * listed origin get credentialed CORS and WebSockets; any other origin's upgrade is refused
 * before graphql-ws (cross-site WebSocket hijacking); /readyz details need a session.
 */
import type { ViewerIdentityQuery } from '../generated/graphql';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { gatewaySessionToken } from '../helpers/gateway-login';
import { operation } from '../helpers/operations';
import {
  connectWs,
  subscribe,
  upgradeStatus,
  type TestWsClient,
} from '../helpers/subscriptions-client';

const APP = 'https://app.example.com';
const EVIL = 'https://evil.example';

let gateway: TestGateway;
let session: string;
const sockets: TestWsClient[] = [];

beforeAll(async () => {
  gateway = await startTestGateway({ env: { AUTH_MODE: 'user', CORS_ORIGINS: APP } });
  session = await gatewaySessionToken(gateway.origin, 'rep1@atom-demo.org', 'demo-rep-pass');
});

afterAll(async () => {
  for (const socket of sockets) await socket.dispose();
});

describe('CORS in user mode', () => {
  it('answers the preflight with 204 and credentials for a listed origin, before auth', async () => {
    const response = await fetch(gateway.url, {
      method: 'OPTIONS',
      headers: {
        origin: APP,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,authorization',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('www-authenticate')).toBeNull();
  });

  it('lets the listed origin read a signed-in answer, and no loopback page either', async () => {
    const signedIn = await gateway.post<ViewerIdentityQuery>(
      operation('ViewerIdentity'),
      undefined,
      {
        origin: APP,
        cookie: `atom_session=${session}`,
      },
    );
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.data?.viewer?.email).toBe('rep1@atom-demo.org');
    expect(signedIn.headers.get('access-control-allow-origin')).toBe(APP);
    expect(signedIn.headers.get('access-control-allow-credentials')).toBe('true');
    // Loopback pages are the demo's convenience only.
    const local = await gateway.post(operation('ViewerIdentity'), undefined, {
      origin: 'http://localhost:3000',
      cookie: `atom_session=${session}`,
    });
    expect(local.headers.get('access-control-allow-origin')).toBeNull();
    expect(local.headers.get('access-control-allow-credentials')).toBeNull();
  });
});

describe('WebSocket Origin check in user mode', () => {
  it('refuses a cookie-carrying upgrade from another website with 403', async () => {
    const before = gateway.gateway.webSocketClients();
    const cookie = `atom_session=${session}`;
    expect(await upgradeStatus(gateway.url, { origin: EVIL, cookie })).toBe(403);
    expect(await upgradeStatus(gateway.url, { origin: 'http://localhost:3000', cookie })).toBe(403);
    expect(gateway.gateway.webSocketClients()).toBe(before);
  });

  it('accepts the public origin, the listed origin and clients without Origin', async () => {
    expect(await upgradeStatus(gateway.url, { origin: gateway.origin })).toBe(101);
    expect(await upgradeStatus(gateway.url, { origin: APP })).toBe(101);
    expect(await upgradeStatus(gateway.url, {})).toBe(101);
  });

  it('runs operations as the signed-in user over a socket from the listed origin', async () => {
    const socket = connectWs(gateway.url, {
      headers: { origin: APP, cookie: `atom_session=${session}` },
    });
    sockets.push(socket);
    const [result] = await subscribe<ViewerIdentityQuery>(socket, operation('ViewerIdentity')).take(
      1,
    );
    expect(result?.viewer?.email).toBe('rep1@atom-demo.org');
  });
});

describe('security headers in user mode', () => {
  it('are on the /auth/* answers too, with HSTS only for an https public URL', async () => {
    for (const [path, init, status] of [
      ['/auth/salesforce/login', {}, 302],
      ['/auth/salesforce/callback', {}, 400],
      ['/auth/logout', { method: 'POST' }, 204],
    ] as const) {
      const response = await fetch(`${gateway.origin}${path}`, { ...init, redirect: 'manual' });
      expect([path, response.status]).toEqual([path, status]);
      expect([path, response.headers.get('x-content-type-options')]).toEqual([path, 'nosniff']);
      expect([path, response.headers.get('x-frame-options')]).toEqual([path, 'DENY']);
      expect([path, response.headers.get('referrer-policy')]).toEqual([path, 'no-referrer']);
      expect([path, response.headers.get('cache-control')]).toEqual([path, 'no-store']);
      expect([path, response.headers.get('content-security-policy')]).toEqual([
        path,
        expect.stringContaining("frame-ancestors 'none'"),
      ]);
      expect([path, response.headers.get('strict-transport-security')]).toEqual([path, null]);
    }
  });
});

describe('/readyz in user mode', () => {
  it('tells anonymous and unknown callers the status only, a signed-in caller the details', async () => {
    const readyz = (headers: Record<string, string>) =>
      fetch(`${gateway.origin}/readyz`, { headers }).then(async (response) => ({
        status: response.status,
        body: (await response.json()) as unknown,
      }));
    expect(await readyz({})).toEqual({ status: 200, body: { status: 'ready' } });
    expect(await readyz({ authorization: `Bearer ${'x'.repeat(43)}` })).toEqual({
      status: 200,
      body: { status: 'ready' },
    });
    const detailed = await readyz({ authorization: `Bearer ${session}` });
    expect(detailed).toMatchObject({
      status: 200,
      body: { status: 'ready', salesforce: { discovery: 'ok' } },
    });
    expect(await readyz({ cookie: `atom_session=${session}` })).toEqual(detailed);
  });
});
