import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '../logging/logger';
import type { GatewayAuth } from './gateway-auth';
import { createHttpEdge } from './http-security/http-edge';
import { createOriginAllowList } from './http-security/origin-allow-list';
import { createRequestListener, type Route } from './routes';

const APP = 'https://app.example.com';
const edge = createHttpEdge({
  allowList: createOriginAllowList({ mode: 'user', corsOrigins: [APP] }),
  publicUrl: 'https://gateway.example.com',
});

const fakeAuth: GatewayAuth = {
  mode: 'demo',
  loginUrl: undefined,
  handleAuthRoute: async (req, res) => {
    if (req.url !== '/auth/login') return false;
    res.writeHead(204);
    res.end();
    return true;
  },
  resolveViewer: () => Promise.reject(new Error('unused')),
  authenticated: () => Promise.resolve(false),
  readiness: () => Promise.resolve({}),
  close: () => Promise.resolve(),
};

const routes: Route[] = [
  {
    path: '/hello',
    method: 'GET',
    handle: (_req, res, auth) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`hello ${auth.mode}`);
    },
  },
  {
    path: '/boom',
    handle: () => Promise.reject(new Error('outside GraphQL')),
  },
];

describe('createRequestListener', () => {
  let auth: GatewayAuth | undefined;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer(
      createRequestListener({ auth: () => auth, routes, edge, logger: createLogger('silent') }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('answers /healthz and 503 for everything else while auth is starting', async () => {
    auth = undefined;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const starting = await fetch(`${base}/hello`);
    expect(starting.status).toBe(503);
    expect(starting.headers.get('retry-after')).toBe('1');
    expect(await starting.json()).toEqual({ status: 'starting' });
  });

  it('lets the auth routes answer before the table, then routes by path and method', async () => {
    auth = fakeAuth;
    expect((await fetch(`${base}/auth/login`)).status).toBe(204);
    const hello = await fetch(`${base}/hello?x=1`);
    expect(await hello.text()).toBe('hello demo');
    expect((await fetch(`${base}/hello`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${base}/nowhere`)).status).toBe(404);
  });

  it('answers a failure outside GraphQL with a 500 GraphQL-shaped body', async () => {
    auth = fakeAuth;
    const failed = await fetch(`${base}/boom`);
    expect(failed.status).toBe(500);
    expect(await failed.json()).toEqual({
      errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    });
  });

  const SECURITY_HEADERS = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'content-security-policy':
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    'cache-control': 'no-store',
    'strict-transport-security': 'max-age=31536000',
  };

  function expectSecurityHeaders(response: Response): void {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      expect([name, response.headers.get(name)]).toEqual([name, value]);
    }
    expect(response.headers.get('vary')).toMatch(/\bOrigin\b/);
  }

  it('puts the security headers on every kind of response', async () => {
    auth = undefined;
    expectSecurityHeaders(await fetch(`${base}/healthz`));
    expectSecurityHeaders(await fetch(`${base}/hello`)); // 503 while starting
    auth = fakeAuth;
    expectSecurityHeaders(await fetch(`${base}/auth/login`));
    expectSecurityHeaders(await fetch(`${base}/hello`));
    expectSecurityHeaders(await fetch(`${base}/nowhere`));
    expectSecurityHeaders(await fetch(`${base}/boom`));
  });

  it('answers a CORS preflight with 204 before auth is even ready', async () => {
    auth = undefined;
    const preflight = await fetch(`${base}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin: APP,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, authorization',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(APP);
    expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');
    expectSecurityHeaders(preflight);
  });

  it('gives an allowed origin the CORS headers on errors too, and others none', async () => {
    auth = fakeAuth;
    const failed = await fetch(`${base}/boom`, { headers: { origin: APP } });
    expect(failed.status).toBe(500);
    expect(failed.headers.get('access-control-allow-origin')).toBe(APP);
    const foreign = await fetch(`${base}/nowhere`, { headers: { origin: 'https://evil.example' } });
    expect(foreign.status).toBe(404);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });
});
