/**
 * The REST routes share /graphql's auth, rate limit, API budget and trusted-documents mode:
 * what refuses a GraphQL operation refuses the REST call that runs it, with the REST error
 * body and status (checked against the OpenAPI document).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateApiKey, hashApiKey } from '../../src/auth/api-keys';
import { REST_ROUTES } from '../../src/server/rest';
import { documentHash } from '../../src/server/trusted-documents/document-hash';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { OpenApiResponses } from '../helpers/openapi-responses';
import { connectToEmulator } from '../helpers/salesforce-target';

interface ErrorBody {
  error: { code: string; message: string; requestId: string; details?: Record<string, unknown> };
}

async function documentOf(gateway: TestGateway): Promise<OpenApiResponses> {
  const response = await fetch(`${gateway.origin}/salesforce/openapi.json`);
  return new OpenApiResponses((await response.json()) as never);
}

function restClient(gateway: TestGateway, openApi: OpenApiResponses) {
  return async (
    path: string,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; headers: Headers; body: unknown }> => {
    const response = await fetch(`${gateway.origin}${path}`, { headers });
    const body: unknown = await response.json();
    openApi.check('GET', new URL(path, gateway.origin).pathname, response.status, body);
    return { status: response.status, headers: response.headers, body };
  };
}

const PEPPER = 'rest-test-pepper-0123456789abcdef0123';
const KEY = generateApiKey();

describe('AUTH_MODE=integration with a rate limit', () => {
  let gateway: TestGateway;
  let get: ReturnType<typeof restClient>;

  beforeAll(async () => {
    gateway = await startTestGateway({
      env: {
        AUTH_MODE: 'integration',
        API_KEYS: `rest-client:${hashApiKey(KEY, PEPPER)}`,
        API_KEY_PEPPER: PEPPER,
        RATE_LIMIT_POINTS: '2000',
        RATE_LIMIT_WINDOW_SECONDS: '600',
        QUERY_MAX_COST: '2000',
      },
      subscriptions: { enabled: false },
    });
    get = restClient(gateway, await documentOf(gateway));
  });

  it('answers without a key, or with a wrong one, 401 UNAUTHENTICATED and calls nothing', async () => {
    await gateway.resetEmulatorStats();
    const attempts: Array<Record<string, string>> = [{}, { 'x-api-key': generateApiKey() }];
    for (const headers of attempts) {
      const answer = await get('/salesforce/accounts', headers);
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer /);
      expect((answer.body as ErrorBody).error).toMatchObject({
        code: 'UNAUTHENTICATED',
        requestId: answer.headers.get('x-request-id'),
      });
    }
    expect((await gateway.emulatorStats()).total).toBe(0);
    // The document itself is public: it says what the API is, nothing of the data.
    expect((await fetch(`${gateway.origin}/salesforce/openapi.json`)).status).toBe(200);
  });

  it('runs with a valid key as the integration user and spends its rate limit', async () => {
    const answer = await get('/salesforce/health', { 'x-api-key': KEY });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ viewer: { name: 'Integration User' } });
    expect(answer.headers.get('ratelimit-limit')).toBe('2000');
    expect(Number(answer.headers.get('ratelimit-remaining'))).toBeLessThan(2000);
  });

  it('answers 429 RATE_LIMITED with Retry-After once the budget is spent, before any Salesforce call', async () => {
    let refused: Awaited<ReturnType<typeof get>> | undefined;
    for (let i = 0; i < 20 && refused === undefined; i += 1) {
      const answer = await get('/salesforce/accounts?first=20', { 'x-api-key': KEY });
      if (answer.status === 429) refused = answer;
      else expect(answer.status).toBe(200);
    }
    expect(refused).toBeDefined();
    const retryAfter = Number(refused?.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);
    const { error } = refused?.body as ErrorBody;
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.details).toMatchObject({ retryAfterSeconds: retryAfter, limit: 2000 });

    await gateway.resetEmulatorStats();
    expect((await get('/salesforce/accounts?first=20', { 'x-api-key': KEY })).status).toBe(429);
    expect((await gateway.emulatorStats()).total).toBe(0);
  });
});

describe("Salesforce's daily API allocation spent", () => {
  it('answers 429 UPSTREAM_RATE_LIMITED with Retry-After once reads reach the reserve', async () => {
    const gateway = await startTestGateway({
      env: { EMULATOR_DAILY_API_LIMIT: '30', SALESFORCE_API_RESERVE_PERCENT: '50' },
      subscriptions: { enabled: false },
    });
    const get = restClient(gateway, await documentOf(gateway));
    let refused: Awaited<ReturnType<typeof get>> | undefined;
    for (let i = 0; i < 30 && refused === undefined; i += 1) {
      const answer = await get(`/salesforce/accounts?first=${i + 1}`);
      if (answer.status !== 200) refused = answer;
    }
    expect(refused?.status).toBe(429);
    expect((refused?.body as ErrorBody).error).toMatchObject({
      code: 'UPSTREAM_RATE_LIMITED',
      details: { reason: 'reserve', max: 30 },
    });
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('Salesforce failing', () => {
  it('answers 503 UPSTREAM_UNAVAILABLE after a 503 burst outlasts the retries, then recovers', async () => {
    const gateway = await startTestGateway({ subscriptions: { enabled: false } });
    const get = restClient(gateway, await documentOf(gateway));
    const faults = (body: Record<string, unknown>) =>
      fetch(`${gateway.emulatorUrl}/__emulator/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    await faults({ serverUnavailable: 5 });
    const down = await get('/salesforce/accounts?first=1');
    expect(down.status).toBe(503);
    expect((down.body as ErrorBody).error).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      details: { upstream: { service: 'salesforce', errorCode: 'SERVER_UNAVAILABLE' } },
    });
    await faults({ serverUnavailable: 0 });
    expect((await get('/salesforce/accounts?first=1')).status).toBe(200);

    await faults({ exhaustLimit: true });
    const spent = await get('/salesforce/accounts?first=2');
    expect(spent.status).toBe(429);
    expect((spent.body as ErrorBody).error.code).toBe('UPSTREAM_RATE_LIMITED');
    expect(Number(spent.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('the cross-request cache (CACHE_ENABLED=true)', () => {
  it('answers a repeated REST read, and the same GraphQL read, without calling Salesforce', async () => {
    const gateway = await startTestGateway({
      env: { CACHE_ENABLED: 'true' },
      subscriptions: { enabled: false },
    });
    const get = restClient(gateway, await documentOf(gateway));
    const path = '/salesforce/opportunities?stageName=Prospecting&sort=-amount&first=10';
    const first = await get(path);
    expect(first.status).toBe(200);

    await gateway.resetEmulatorStats();
    const again = await get(path);
    expect(again.body).toEqual(first.body);
    const route = REST_ROUTES.find((r) => r.operationId === 'listOpportunities');
    const graph = await gateway.graphql<{ opportunities: { nodes: unknown[] } }>(
      route?.document ?? '',
      {
        where: { stageName: { eq: 'Prospecting' } },
        orderBy: [{ field: 'AMOUNT', direction: 'DESC' }],
        first: 10,
      },
    );
    expect(graph.data?.opportunities.nodes).toEqual((first.body as { data: unknown[] }).data);
    expect((await gateway.emulatorStats()).total).toBe(0);
  });

  it('checks If-Match against Salesforce, not against a cached read that a change made it stale', async () => {
    // No change stream and a long fallback TTL: only the gateway's own writes drop entries.
    const gateway = await startTestGateway({
      env: { CACHE_ENABLED: 'true', CACHE_FALLBACK_TTL_MS: '600000' },
      subscriptions: { enabled: false },
    });
    const get = restClient(gateway, await documentOf(gateway));
    const list = await get('/salesforce/accounts?first=1&sort=name');
    const id = (list.body as { data: Array<{ id: string }> }).data[0]?.id ?? '';
    const read = await get(`/salesforce/accounts/${id}`);
    const etag = read.headers.get('etag') ?? '';
    // The cache still holds that answer: a GET would show the same ETag.
    expect((await get(`/salesforce/accounts/${id}`)).headers.get('etag')).toBe(etag);

    // Someone else changes the record in Salesforce, unseen by the cache.
    const sf = await connectToEmulator(gateway.emulatorUrl, 'admin');
    await sf.sobject('Account').update({ Id: id, Phone: '+1 555 0142' });

    const put = await fetch(`${gateway.origin}/salesforce/accounts/${id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'if-match': etag },
      body: JSON.stringify({ website: 'https://overwrite.example' }),
    });
    expect(put.status).toBe(412);
    expect(((await put.json()) as ErrorBody).error.code).toBe('CONFLICT');
    const [row] = (
      await sf.query<{ Phone: string; Website: string | null }>(
        `SELECT Phone, Website FROM Account WHERE Id = '${id}'`,
      )
    ).records;
    expect(row).toMatchObject({ Phone: '+1 555 0142' });
    expect(row?.Website).not.toBe('https://overwrite.example');
  });
});

describe('TRUSTED_DOCUMENTS=allow-list', () => {
  it("runs the REST routes' own operations while refusing documents off the manifest", async () => {
    const listed = '{ viewer { id } }';
    const path = join(mkdtempSync(join(tmpdir(), 'rest-trusted-')), 'manifest.json');
    writeFileSync(path, JSON.stringify({ [documentHash(listed)]: listed }));
    const gateway = await startTestGateway({
      env: { TRUSTED_DOCUMENTS: 'allow-list', TRUSTED_DOCUMENTS_MANIFEST: path },
      subscriptions: { enabled: false },
    });
    const get = restClient(gateway, await documentOf(gateway));

    const rest = await get('/salesforce/accounts?first=2');
    expect(rest.status).toBe(200);
    expect((rest.body as { data: unknown[] }).data).toHaveLength(2);
    expect((await get('/salesforce/health')).status).toBe(200);

    const offList = await gateway.graphql('{ accounts(first: 2) { nodes { id } } }');
    expect(offList.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_REQUIRED');
    expect((await gateway.graphql(listed)).errors).toBeUndefined();
  });
});
