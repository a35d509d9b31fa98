/**
 * The HTTP edge of the demo gateway (AUTH_MODE=demo, nothing configured), over real sockets:
 * security headers on every kind of response, the Sandbox page's CSP, CORS and CSRF, the
 * WebSocket Origin check, and the GraphQL-over-HTTP status codes.
 */
import { Agent, request } from 'node:http';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { upgradeStatus } from '../helpers/subscriptions-client';

const LOCAL_APP = 'http://localhost:3000';
const EVIL = 'https://evil.example';
const STRICT_CSP =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
const QUERY = '{ apiUsage { max } }';
const JSON_TYPE = { 'content-type': 'application/json' };

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await startTestGateway();
});

function expectCommonSecurityHeaders(response: Response, what: string): void {
  expect([what, response.headers.get('x-content-type-options')]).toEqual([what, 'nosniff']);
  expect([what, response.headers.get('referrer-policy')]).toEqual([what, 'no-referrer']);
  expect([what, response.headers.get('x-frame-options')]).toEqual([what, 'DENY']);
  expect([what, response.headers.get('cache-control')]).toEqual([what, 'no-store']);
  expect([what, response.headers.get('vary')]).toEqual([what, expect.stringMatching(/\bOrigin\b/)]);
  // Plain http on loopback: HSTS would be ignored at best.
  expect([what, response.headers.get('strict-transport-security')]).toEqual([what, null]);
}

function postJson(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

async function errorCodeOf(response: Response): Promise<unknown> {
  const body = (await response.json()) as { errors?: Array<{ extensions?: { code?: unknown } }> };
  return body.errors?.[0]?.extensions?.code;
}

describe('security headers', () => {
  it('are on every kind of response, with the strict CSP on everything but the Sandbox page', async () => {
    const responses: Array<[string, Response]> = [
      ['healthz', await fetch(`${gateway.origin}/healthz`)],
      ['readyz', await fetch(`${gateway.origin}/readyz`)],
      ['404', await fetch(`${gateway.origin}/nope`)],
      ['redirect', await fetch(`${gateway.origin}/`, { redirect: 'manual' })],
      ['graphql', await postJson({ query: QUERY })],
      ['graphql error', await postJson({ query: '{ apiUsage { nope } }' })],
      ['bad JSON', await fetch(gateway.url, { method: 'POST', body: '{', headers: JSON_TYPE })],
      ['CSRF block', await fetch(`${gateway.url}?query=${encodeURIComponent(QUERY)}`)],
      [
        'preflight',
        await fetch(gateway.url, {
          method: 'OPTIONS',
          headers: { origin: LOCAL_APP, 'access-control-request-method': 'POST' },
        }),
      ],
    ];
    expect(responses.map(([what, r]) => [what, r.status])).toEqual([
      ['healthz', 200],
      ['readyz', 200],
      ['404', 404],
      ['redirect', 302],
      ['graphql', 200],
      ['graphql error', 200],
      ['bad JSON', 400],
      ['CSRF block', 400],
      ['preflight', 204],
    ]);
    for (const [what, response] of responses) {
      expectCommonSecurityHeaders(response, what);
      expect([what, response.headers.get('content-security-policy')]).toEqual([what, STRICT_CSP]);
    }
  });

  it("gives the Sandbox page a CSP that allows exactly its own nonce'd scripts and Apollo's CDN", async () => {
    const response = await fetch(gateway.url, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expectCommonSecurityHeaders(response, 'sandbox');
    const html = await response.text();
    const policy = parsePolicy(response.headers.get('content-security-policy') ?? '');
    const nonce = /'nonce-([^']+)'/.exec(policy.get('script-src')?.join(' ') ?? '')?.[1];
    expect(nonce).toMatch(/^[0-9a-f]{64}$/);
    // A fresh nonce per rendering, as Apollo's own meta policy has.
    const again = await fetch(gateway.url, { headers: { accept: 'text/html' } });
    expect(again.headers.get('content-security-policy')).not.toContain(`'nonce-${nonce}'`);
    // Every inline or external script and style carries the nonce the header allows.
    const tags = [...html.matchAll(/<(script|style)\b([^>]*)>/g)];
    expect(tags.length).toBeGreaterThanOrEqual(4);
    for (const [tag, , attributes] of tags) {
      expect([tag, /nonce="?([0-9a-f]+)"?/.exec(attributes ?? '')?.[1]]).toEqual([tag, nonce]);
    }
    const scriptOrigins = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map(
      ([, src]) => new URL(src ?? '').origin,
    );
    expect(scriptOrigins).toEqual(['https://embeddable-sandbox.cdn.apollographql.com']);
    expect(policy.get('script-src')).toEqual([`'nonce-${nonce}'`, ...scriptOrigins]);
    const stylesheet = /<link\s+href="([^"]+)"\s+rel="stylesheet"/.exec(html)?.[1] ?? '';
    expect(policy.get('style-src')).toContain(new URL(stylesheet).origin);
    const icon = /<link\s+rel="icon"\s+href="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(policy.get('img-src')).toEqual([new URL(icon).origin]);
    const manifest = /<link\s+rel="manifest"\s+href="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(policy.get('manifest-src')).toEqual([new URL(manifest).origin]);
    // The Sandbox app runs in Apollo's frame and asks this page to run operations.
    expect(policy.get('frame-src')).toEqual(['https://sandbox.embed.apollographql.com']);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
  });
});

function parsePolicy(header: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const directive of header.split(';')) {
    const [name, ...values] = directive.trim().split(/\s+/);
    if (name) directives.set(name, values);
  }
  return directives;
}

describe('CORS in the demo with CORS_ORIGINS unset', () => {
  it('answers a preflight from a loopback page with 204 and its allow lists, no credentials', async () => {
    const response = await fetch(gateway.url, {
      method: 'OPTIONS',
      headers: {
        origin: LOCAL_APP,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,apollo-require-preflight,x-request-id',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(LOCAL_APP);
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST, PUT, OPTIONS');
    expect(response.headers.get('access-control-allow-headers')?.split(', ')).toEqual(
      expect.arrayContaining([
        'content-type',
        'authorization',
        'x-api-key',
        'apollo-require-preflight',
        'x-apollo-operation-name',
        'x-request-id',
      ]),
    );
    expect(response.headers.get('access-control-max-age')).toBe('600');
    expect(response.headers.get('vary')).toBe(
      'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
    );
    expect(await response.text()).toBe('');
  });

  it('lets the loopback page read the answer to its request', async () => {
    const response = await postJson({ query: QUERY }, { origin: LOCAL_APP });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(LOCAL_APP);
    expect(response.headers.get('access-control-expose-headers')).toContain('retry-after');
    expect(await response.json()).toEqual({ data: { apiUsage: { max: 100000 } } });
  });

  it('gives a website no CORS header, on the preflight or the request', async () => {
    const preflight = await fetch(gateway.url, {
      method: 'OPTIONS',
      headers: { origin: EVIL, 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    for (const name of [
      'access-control-allow-origin',
      'access-control-allow-credentials',
      'access-control-allow-methods',
      'access-control-allow-headers',
    ]) {
      expect([name, preflight.headers.get(name)]).toEqual([name, null]);
    }
    const request = await postJson({ query: QUERY }, { origin: EVIL });
    expect(request.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('still blocks the simple cross-site requests a browser sends without a preflight', async () => {
    await gateway.resetEmulatorStats();
    const form = await fetch(gateway.url, {
      method: 'POST',
      headers: { origin: EVIL, 'content-type': 'text/plain' },
      body: JSON.stringify({ query: QUERY }),
    });
    expect(form.status).toBe(400);
    expect(await errorCodeOf(form)).toBe('BAD_REQUEST');
    const get = await fetch(`${gateway.url}?query=${encodeURIComponent(QUERY)}`, {
      headers: { origin: EVIL },
    });
    expect(get.status).toBe(400);
    expect(await errorCodeOf(get)).toBe('BAD_REQUEST');
    expect((await gateway.emulatorStats()).total).toBe(0);
  });
});

describe('WebSocket Origin check in the demo', () => {
  it('refuses an upgrade from a website with 403 before graphql-ws sees it', async () => {
    const before = gateway.gateway.webSocketClients();
    expect(await upgradeStatus(gateway.url, { origin: EVIL })).toBe(403);
    expect(await upgradeStatus(gateway.url, { origin: 'null' })).toBe(403);
    expect(gateway.gateway.webSocketClients()).toBe(before);
  });

  it('accepts its own origin, loopback pages and clients that send no Origin', async () => {
    expect(await upgradeStatus(gateway.url, { origin: gateway.origin })).toBe(101);
    expect(await upgradeStatus(gateway.url, { origin: LOCAL_APP })).toBe(101);
    expect(await upgradeStatus(gateway.url, {})).toBe(101);
  });
});

describe('GraphQL-over-HTTP status codes', () => {
  const GRAPHQL_RESPONSE = { accept: 'application/graphql-response+json' };

  it('answers parse, validation and variable failures 200 in application/json', async () => {
    for (const body of [
      { query: '{' },
      { query: '{ apiUsage { nope } }' },
      { query: 'query ($n: Int) { accounts(first: $n) { totalCount } }', variables: { n: 'x' } },
    ]) {
      const response = await postJson(body);
      expect([body.query, response.status]).toEqual([body.query, 200]);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await errorCodeOf(response)).toBe('BAD_USER_INPUT');
    }
  });

  it('answers them 400 in application/graphql-response+json', async () => {
    for (const query of ['{', '{ apiUsage { nope } }']) {
      const response = await postJson({ query }, GRAPHQL_RESPONSE);
      expect([query, response.status]).toEqual([query, 400]);
      expect(response.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
      expect(await errorCodeOf(response)).toBe('BAD_USER_INPUT');
    }
  });

  it('answers malformed HTTP requests with 4xx and BAD_REQUEST whatever the client accepts', async () => {
    const cases: Array<[string, () => Promise<Response>, number]> = [
      [
        'bad JSON',
        () => fetch(gateway.url, { method: 'POST', headers: JSON_TYPE, body: '{"query":' }),
        400,
      ],
      ['no query', () => postJson({ variables: {} }), 400],
      ['CSRF block', () => fetch(`${gateway.url}?query=${encodeURIComponent(QUERY)}`), 400],
      [
        'unsupported body type',
        () =>
          fetch(gateway.url, {
            method: 'POST',
            headers: { 'content-type': 'application/xml' },
            body: '<query/>',
          }),
        415,
      ],
      [
        'body too large',
        () => postJson({ query: QUERY, variables: { padding: 'x'.repeat(1_000_001) } }),
        413,
      ],
    ];
    for (const [what, send, status] of cases) {
      const response = await send();
      expect([what, response.status]).toEqual([what, status]);
      expect([what, await errorCodeOf(response)]).toEqual([what, 'BAD_REQUEST']);
    }
  });

  it('closes a keep-alive connection after refusing an oversized body, so the next request gets a fresh one', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const send = (body: string) =>
      new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
        const req = request(gateway.url, { method: 'POST', agent, headers: JSON_TYPE }, (res) => {
          res.resume();
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }),
          );
        });
        req.on('error', reject);
        req.end(body);
      });
    try {
      const refused = await send(JSON.stringify({ query: QUERY, padding: 'x'.repeat(1_100_000) }));
      expect(refused).toEqual({ status: 413, connection: 'close' });
      // On the same agent: had the half-read connection been reused, this request would fail.
      expect((await send(JSON.stringify({ query: QUERY }))).status).toBe(200);
    } finally {
      agent.destroy();
    }
  });
});
