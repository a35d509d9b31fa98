import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { generateApiKey, hashApiKey } from '../../src/auth/api-keys';
import { startTestGateway, type GraphQLResponse, type TestGateway } from '../helpers/gateway';
import { leftovers } from '../helpers/leftovers';
import { connectWs, runOverWs } from '../helpers/subscriptions-client';

/** Issue 12 item 9: a budget of operation cost per client, over HTTP and WebSocket. */

const PEPPER = 'rate-limit-test-pepper-0123456789abcdef';
const KEY_A = generateApiKey();
const KEY_B = generateApiKey();
const API_KEYS = `client-a:${hashApiKey(KEY_A, PEPPER)},client-b:${hashApiKey(KEY_B, PEPPER)}`;
const REDIS_URL = 'redis://127.0.0.1:6379';

/** `first × (1 + nodes (1 + id 1))`: a page of n ids costs 3n. */
const PAGE = 'query Page($n: Int) { accounts(first: $n) { nodes { id } } }';
const CHEAP = '{ viewer { id } }';

function remaining(headers: Headers): number {
  return Number(headers.get('ratelimit-remaining'));
}

/** A POST from a chosen loopback source address (demo mode keys budgets by peer address). */
function postFrom(
  localAddress: string,
  url: string,
  query: string,
): Promise<{ status: number; remaining: number; body: GraphQLResponse<unknown> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json', accept: 'application/json' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            remaining: Number(res.headers['ratelimit-remaining']),
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as GraphQLResponse<unknown>,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify({ query }));
  });
}

describe('rate limiting per API key (integration mode)', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway({
      env: {
        AUTH_MODE: 'integration',
        API_KEYS,
        API_KEY_PEPPER: PEPPER,
        RATE_LIMIT_POINTS: '1000',
        RATE_LIMIT_WINDOW_SECONDS: '600',
        QUERY_MAX_COST: '700',
      },
      subscriptions: { enabled: false },
    });
  });

  it('spends the cost of each operation and says what is left', async () => {
    const cheap = await gateway.post(CHEAP, undefined, { 'x-api-key': KEY_A });
    expect(cheap.status).toBe(200);
    expect(cheap.headers.get('ratelimit-limit')).toBe('1000');
    expect(cheap.headers.get('ratelimit-policy')).toBe('1000;w=600');
    expect(remaining(cheap.headers)).toBe(1000 - 2);

    const expensive = await gateway.post(PAGE, { n: 100 }, { 'x-api-key': KEY_A });
    expect(expensive.body.errors).toBeUndefined();
    // One page of 100 rows spends 150 times what the cheap operation did.
    expect(remaining(cheap.headers) - remaining(expensive.headers)).toBe(300);
    expect(Number(expensive.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
  });

  it('answers 429 with Retry-After and RATE_LIMITED once the budget is spent, before any Salesforce call', async () => {
    const spent = await gateway.post(PAGE, { n: 200 }, { 'x-api-key': KEY_A });
    expect(spent.body.errors).toBeUndefined();
    expect(remaining(spent.headers)).toBe(1000 - 2 - 300 - 600);

    await gateway.resetEmulatorStats();
    const refused = await gateway.post(PAGE, { n: 50 }, { 'x-api-key': KEY_A });
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);
    // The refused operation spent 1 point; the other 97 are still there for cheaper ones.
    expect(remaining(refused.headers)).toBe(97);
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors).toEqual([
      {
        message: expect.stringMatching(
          /^Rate limit reached: the operation costs 150 and this client has 97 of its 1000 cost points left/,
        ),
        extensions: {
          code: 'RATE_LIMITED',
          retryAfterSeconds: retryAfter,
          cost: 150,
          remaining: 97,
          limit: 1000,
          windowSeconds: 600,
        },
      },
    ]);
    expect((await gateway.emulatorStats()).total).toBe(0);

    // A page of 30 (90) still fits in the 97 points left.
    const cheaper = await gateway.post(PAGE, { n: 30 }, { 'x-api-key': KEY_A });
    expect(cheaper.status).toBe(200);
    expect(cheaper.body.errors).toBeUndefined();
  });

  it("leaves another client's budget alone", async () => {
    const other = await gateway.post(PAGE, { n: 200 }, { 'x-api-key': KEY_B });
    expect(other.status).toBe(200);
    expect(other.body.errors).toBeUndefined();
    expect(remaining(other.headers)).toBe(1000 - 600);
  });

  it('refuses an operation over QUERY_MAX_COST as QUERY_TOO_COMPLEX with the configured limit', async () => {
    const { status, body } = await gateway.post(
      '{ accounts(first: 200) { nodes { id name } } }',
      undefined,
      { 'x-api-key': KEY_B },
    );
    // GraphQL over HTTP: an application/json answer to a well-formed request is 200.
    expect(status).toBe(200);
    expect(body.errors?.[0]?.extensions).toEqual({
      code: 'QUERY_TOO_COMPLEX',
      cost: 800,
      maxCost: 700,
    });
  });

  it('spends the same budget over WebSocket and answers the operation, not the socket, when it is gone', async () => {
    const ws = connectWs(gateway.url, { connectionParams: { 'x-api-key': KEY_B } });
    leftovers.push(() => ws.dispose());
    let closed = false;
    void ws.closed.then(() => {
      closed = true;
    });
    // KEY_B has 400 - 1 (the refused over-cost operation) = 399 points left.
    const first = await runOverWs(ws.client, PAGE, { n: 100 });
    expect(first.errors).toEqual([]);
    const refused = await runOverWs(ws.client, PAGE, { n: 100 });
    expect(refused.results).toEqual([]);
    expect(refused.errors).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({
          code: 'RATE_LIMITED',
          retryAfterSeconds: expect.any(Number),
        }) as object,
      }),
    ]);
    // The socket is still open, and a smaller page fits in what is left (98).
    const cheap = await runOverWs(ws.client, PAGE, { n: 30 });
    expect(cheap.errors).toEqual([]);
    expect(closed).toBe(false);
    // And HTTP sees what the socket spent: 8 points left, a page of 10 (30) is refused.
    const http = await gateway.post(PAGE, { n: 10 }, { 'x-api-key': KEY_B });
    expect(http.status).toBe(429);
  });
});

describe('rate limiting by peer address (demo mode, opted in)', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway({
      env: { RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_POINTS: '100', QUERY_MAX_COST: '100' },
      subscriptions: { enabled: false },
    });
  });

  it('gives each address its own budget', async () => {
    const page = '{ accounts(first: 30) { nodes { id } } }';
    expect((await postFrom('127.0.0.1', gateway.url, page)).status).toBe(200);
    expect((await postFrom('127.0.0.1', gateway.url, page)).status).toBe(429);
    const elsewhere = await postFrom('127.0.0.2', gateway.url, page);
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.body.errors).toBeUndefined();
  });
});

describe('rate limiting shared through Redis', () => {
  it('gives a client one budget across two gateway instances', async () => {
    const env = {
      REDIS_URL,
      RATE_LIMIT_ENABLED: 'true',
      RATE_LIMIT_POINTS: '1000',
      RATE_LIMIT_WINDOW_SECONDS: '600',
      QUERY_MAX_COST: '1000',
      RATE_LIMIT_KEY_PREFIX: `test:rate-limit:${randomUUID()}`,
    };
    const [first, second] = await Promise.all([
      startTestGateway({ env, subscriptions: { enabled: false } }),
      startTestGateway({ env, subscriptions: { enabled: false } }),
    ]);
    // Both instances count in Redis once connected; until then each counts alone.
    await waitForSharedBudget(first, second);

    const spent = await first.post(PAGE, { n: 200 });
    expect(spent.status).toBe(200);
    expect(remaining(spent.headers)).toBe(1000 - 600);
    const elsewhere = await second.post(PAGE, { n: 100 });
    expect(elsewhere.status).toBe(200);
    expect(remaining(elsewhere.headers)).toBe(1000 - 600 - 300);
    const refused = await second.post(PAGE, { n: 200 });
    expect(refused.status).toBe(429);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    // The first instance sees the budget the second one spent.
    expect((await first.post(PAGE, { n: 200 })).status).toBe(429);
  });
});

/**
 * Until one instance's spending shows in the other's `RateLimit-Remaining` (each counts alone
 * until its Redis connection is ready). Probes come from another address: their own budget.
 */
async function waitForSharedBudget(a: TestGateway, b: TestGateway): Promise<void> {
  const probe = '127.0.0.3';
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const before = (await postFrom(probe, b.url, CHEAP)).remaining;
    await postFrom(probe, a.url, CHEAP);
    const after = (await postFrom(probe, b.url, CHEAP)).remaining;
    if (after === before - 4) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the two instances never shared a budget');
}
