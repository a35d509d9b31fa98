/**
 * The REST endpoints over real HTTP against the demo (Salesforce, Stripe, Zendesk and
 * QuickBooks emulators): every answer, success or error, is checked against the gateway's
 * own OpenAPI document with ajv, and the document itself with an OpenAPI 3.1 validator.
 */
import { startStripeGateway, type StripeGateway } from '../helpers/linked-stripe-gateway';
import type { TestGateway } from '../helpers/gateway';
import { OpenApiResponses, validateOpenApiDocument } from '../helpers/openapi-responses';
import { REST_ROUTES } from '../../src/server/rest';

interface Answer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

interface ErrorAnswer {
  error: {
    code: string;
    message: string;
    requestId: string;
    fields?: Record<string, string>;
    details?: Record<string, unknown>;
  };
}

interface Page<T> {
  data: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

type Row = Record<string, unknown> & { id: string };

let s: StripeGateway;
let gw: TestGateway;
let openApi: OpenApiResponses;
let document: Record<string, unknown>;

/** One REST call; its answer is checked against the OpenAPI document before it is returned. */
async function rest<T = Record<string, unknown>>(
  method: string,
  path: string,
  options: { body?: unknown; raw?: string; headers?: Record<string, string> } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...options.headers };
  let body: string | undefined = options.raw;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${gw.origin}${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body } : {}),
  });
  const text = await response.text();
  const parsed: unknown = text === '' ? undefined : JSON.parse(text);
  openApi.check(method, new URL(path, gw.origin).pathname, response.status, parsed);
  return { status: response.status, headers: response.headers, body: parsed as T };
}

/** An 18-character Id of this key prefix that no seeded record has (checksum included). */
function missingId(prefix: string): string {
  const id15 = `${prefix}999999999999`;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk += 1) {
    let bits = 0;
    for (let i = 0; i < 5; i += 1) {
      const char = id15.charAt(chunk * 5 + i);
      if (char >= 'A' && char <= 'Z') bits |= 1 << i;
    }
    suffix += alphabet.charAt(bits);
  }
  return id15 + suffix;
}

const errorOf = (answer: Answer<unknown>): ErrorAnswer['error'] =>
  (answer.body as ErrorAnswer).error;

beforeAll(async () => {
  s = await startStripeGateway();
  gw = s.gw;
  const response = await fetch(`${gw.origin}/salesforce/openapi.json`);
  expect(response.status).toBe(200);
  document = (await response.json()) as Record<string, unknown>;
  openApi = new OpenApiResponses(document as never);
});

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document listing every endpoint of the integration plan', async () => {
    const result = await validateOpenApiDocument(document);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe('3.1.0');
    const paths = document.paths as Record<string, Record<string, unknown>>;
    const listed = Object.entries(paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    listed.sort();
    expect(listed).toEqual(
      [
        'GET /salesforce/accounts',
        'POST /salesforce/accounts',
        'GET /salesforce/accounts/{id}',
        'PUT /salesforce/accounts/{id}',
        'GET /salesforce/contacts',
        'POST /salesforce/contacts',
        'GET /salesforce/contacts/{id}',
        'GET /salesforce/opportunities',
        'POST /salesforce/opportunities',
        'GET /salesforce/opportunities/{id}',
        'GET /salesforce/leads',
        'POST /salesforce/leads',
        'GET /salesforce/leads/{id}',
        'GET /salesforce/search',
        'GET /salesforce/analytics/pipeline',
        'GET /salesforce/analytics/performance',
        'POST /salesforce/sync',
        'POST /salesforce/integrations/stripe/payments',
        'POST /salesforce/integrations/zendesk/tickets',
        'POST /salesforce/integrations/quickbooks/invoices',
        'GET /salesforce/health',
      ].sort(),
    );
    // Made from the route table: the same operations.
    expect(listed).toEqual(REST_ROUTES.map((route) => `${route.method} ${route.path}`).sort());
  });
});

describe('lists: filters, sorting and paging', () => {
  it('filters, sorts and pages accounts, the Link header naming the next page with every other parameter kept', async () => {
    const expected = await gw.graphql<{ accounts: { totalCount: number } }>(
      '{ accounts(where: { industry: { eq: "Technology" } }) { totalCount } }',
    );
    const total = expected.data?.accounts.totalCount ?? 0;
    expect(total).toBeGreaterThan(5);

    const seen: Row[] = [];
    let path: string | undefined =
      '/salesforce/accounts?industry=Technology&sort=-annualRevenue,name&first=5';
    let pages = 0;
    while (path !== undefined) {
      const page: Answer<Page<Row>> = await rest<Page<Row>>('GET', path);
      expect(page.status).toBe(200);
      pages += 1;
      seen.push(...page.body.data);
      const link = page.headers.get('link');
      if (!page.body.pageInfo.hasNextPage) {
        expect(link).toBeNull();
        path = undefined;
        continue;
      }
      expect(page.body.data).toHaveLength(5);
      const target = /^<([^>]+)>; rel="next"$/.exec(link ?? '')?.[1];
      expect(target).toBeDefined();
      const next = new URL(target ?? '', gw.origin);
      expect(next.pathname).toBe('/salesforce/accounts');
      expect(next.searchParams.get('industry')).toBe('Technology');
      expect(next.searchParams.get('sort')).toBe('-annualRevenue,name');
      expect(next.searchParams.get('first')).toBe('5');
      expect(next.searchParams.getAll('after')).toEqual([page.body.pageInfo.endCursor]);
      path = target;
    }
    expect(pages).toBe(Math.ceil(total / 5));
    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((row) => row.id)).size).toBe(total);
    expect(seen.every((row) => row.industry === 'Technology')).toBe(true);
    const revenues = seen.map((row) => (row.annualRevenue as number | null) ?? -1);
    for (let i = 1; i < revenues.length; i += 1) {
      expect(revenues[i]).toBeLessThanOrEqual(revenues[i - 1] ?? Infinity);
    }
  });

  it('maps each operator to the where input: ranges, lists, like, booleans, ids, isNull', async () => {
    const big = await rest<Page<Row>>(
      'GET',
      '/salesforce/opportunities?amount[gte]=100000&stageName[in]=Closed Won,Negotiation/Review&sort=-amount&first=50',
    );
    expect(big.status).toBe(200);
    expect(big.body.data.length).toBeGreaterThan(0);
    for (const row of big.body.data) {
      expect(row.amount).toBeGreaterThanOrEqual(100000);
      expect(['Closed Won', 'Negotiation/Review']).toContain(row.stageName);
    }

    const acme = await rest<Page<Row>>('GET', '/salesforce/accounts?name[like]=Acme%25&first=50');
    expect(acme.body.data.length).toBeGreaterThan(0);
    expect(acme.body.data.every((row) => String(row.name).startsWith('Acme'))).toBe(true);

    const converted = await rest<Page<Row>>('GET', '/salesforce/leads?isConverted=true&first=20');
    expect(converted.body.data.length).toBeGreaterThan(0);
    expect(converted.body.data.every((row) => row.isConverted === true)).toBe(true);

    const account = acme.body.data[0]?.id ?? '';
    const contacts = await rest<Page<Row>>('GET', `/salesforce/contacts?accountId=${account}`);
    expect(contacts.status).toBe(200);
    for (const row of contacts.body.data) {
      expect((row.account as { id: string }).id).toBe(account);
    }

    const noParent = await rest<Page<Row>>(
      'GET',
      '/salesforce/accounts?parentId[isNull]=true&first=10',
    );
    expect(noParent.body.data.every((row) => row.parent === null)).toBe(true);
  });

  it('answers bad parameters with 400 BAD_USER_INPUT naming each one', async () => {
    const answer = await rest(
      'GET',
      '/salesforce/opportunities?bogus=1&amount[gte]=lots&amount[near]=5&first=500&sort=-nope&isWon=maybe&closeDate[lt]=31/12/2025',
    );
    expect(answer.status).toBe(400);
    const error = errorOf(answer);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.requestId).toBe(answer.headers.get('x-request-id'));
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(
      ['amount[gte]', 'amount[near]', 'bogus', 'closeDate[lt]', 'first', 'isWon', 'sort'].sort(),
    );
    expect(error.fields?.['amount[gte]']).toBe('must be a number');
    expect(error.fields?.first).toBe('must be an integer from 1 to 200');

    const search = await rest('GET', '/salesforce/search?types=account');
    expect(search.status).toBe(400);
    expect(errorOf(search).fields).toEqual({ q: 'is required' });
    const performance = await rest('GET', '/salesforce/analytics/performance?groupBy=planet');
    expect(performance.status).toBe(400);
    expect(Object.keys(errorOf(performance).fields ?? {})).toEqual(['groupBy']);
  });

  it('leaves a bad cursor to the GraphQL schema, which refuses it with BAD_USER_INPUT', async () => {
    const answer = await rest('GET', '/salesforce/accounts?after=not-a-cursor');
    expect(answer.status).toBe(400);
    expect(errorOf(answer).code).toBe('BAD_USER_INPUT');
  });
});

describe('records: read, create, update, ETags', () => {
  it.each([
    ['accounts', 'Account'],
    ['contacts', 'Contact'],
    ['opportunities', 'Opportunity'],
    ['leads', 'Lead'],
  ])('reads one of the %s with an ETag, 304 on If-None-Match, 404 when missing', async (plural) => {
    const list = await rest<Page<Row>>('GET', `/salesforce/${plural}?first=1`);
    const id = list.body.data[0]?.id ?? '';
    const one = await rest<Row>('GET', `/salesforce/${plural}/${id}`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(list.body.data[0]);
    const etag = one.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(one.headers.get('cache-control')).toBe('private, no-cache');

    const unchanged = await rest('GET', `/salesforce/${plural}/${id}`, {
      headers: { 'if-none-match': `"other", W/${etag}` },
    });
    expect(unchanged.status).toBe(304);
    expect(unchanged.headers.get('etag')).toBe(etag);
    const changed = await rest('GET', `/salesforce/${plural}/${id}`, {
      headers: { 'if-none-match': '"other"' },
    });
    expect(changed.status).toBe(200);

    // The same key prefix, a record that does not exist.
    const missing = missingId(id.slice(0, 3));
    const notFound = await rest('GET', `/salesforce/${plural}/${missing}`);
    expect(notFound.status).toBe(404);
    expect(errorOf(notFound)).toMatchObject({ code: 'NOT_FOUND' });
    expect(errorOf(notFound).message).toContain(missing);
  });

  it.each([
    ['accounts', { name: 'REST Create Co', industry: 'Energy', annualRevenue: 125000 }],
    ['contacts', { lastName: 'Rest', firstName: 'Riley', email: 'riley.rest@example.com' }],
    [
      'opportunities',
      { name: 'REST deal', stageName: 'Prospecting', closeDate: '2026-12-31', amount: 4200 },
    ],
    ['leads', { lastName: 'Rest', company: 'REST Leads Ltd', status: 'Open - Not Contacted' }],
  ])('creates %s: 201, Location, and the record a GET of it answers', async (plural, input) => {
    const created = await rest<Row>('POST', `/salesforce/${plural}`, { body: input });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject(input);
    const location = created.headers.get('location');
    expect(location).toBe(`/salesforce/${plural}/${created.body.id}`);
    const read = await rest<Row>('GET', location ?? '');
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
    expect(read.headers.get('etag')).toBe(created.headers.get('etag'));
  });

  it('answers a bad body with 400 naming each field, bad JSON with 400, a form with 415', async () => {
    const invalid = await rest('POST', '/salesforce/opportunities', {
      body: {
        name: '',
        stageName: 'Prospecting',
        closeDate: 'tomorrow',
        amount: '5',
        color: 'red',
      },
    });
    expect(invalid.status).toBe(400);
    expect(errorOf(invalid).code).toBe('BAD_USER_INPUT');
    expect(Object.keys(errorOf(invalid).fields ?? {}).sort()).toEqual([
      'amount',
      'closeDate',
      'color',
      'name',
    ]);

    const notJson = await rest('POST', '/salesforce/accounts', {
      raw: '{"name":',
      headers: { 'content-type': 'application/json' },
    });
    expect(notJson.status).toBe(400);
    expect(errorOf(notJson).code).toBe('BAD_REQUEST');

    const form = await rest('POST', '/salesforce/accounts', {
      raw: 'name=Evil',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
    expect(errorOf(form).code).toBe('BAD_REQUEST');
    const none = await gw.graphql<{ accounts: { totalCount: number } }>(
      '{ accounts(where: { name: { eq: "Evil" } }) { totalCount } }',
    );
    expect(none.data?.accounts.totalCount).toBe(0);

    // GraphQL's own validation of what zod let through (an id of the wrong object).
    const wrongOwner = await rest('POST', '/salesforce/accounts', {
      body: { name: 'Owned', ownerId: '001000000000001AAA' },
    });
    expect(wrongOwner.status).toBe(400);
    expect(errorOf(wrongOwner).code).toBe('BAD_USER_INPUT');
  });

  it('answers a wrong method with 405 and Allow', async () => {
    const answer = await rest('DELETE', '/salesforce/accounts/001000000000001AAA');
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('GET, PUT, HEAD, OPTIONS');
    expect(errorOf(answer).code).toBe('BAD_REQUEST');
    const put = await rest('PUT', '/salesforce/contacts/003000000000001AAA', { body: {} });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });

  it('answers HEAD like GET, without a body: the same status, ETag and headers', async () => {
    const list = await rest<Page<Row>>('GET', '/salesforce/accounts?first=1&sort=name');
    const id = list.body.data[0]?.id ?? '';
    const get = await fetch(`${gw.origin}/salesforce/accounts/${id}`);
    const head = await fetch(`${gw.origin}/salesforce/accounts/${id}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(get.headers.get('etag'));
    expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'));
    expect(await head.text()).toBe('');
    const missing = await fetch(`${gw.origin}/salesforce/accounts/001000000000000AAA`, {
      method: 'HEAD',
    });
    expect(missing.status).toBe(404);
    const document = await fetch(`${gw.origin}/salesforce/openapi.json`, { method: 'HEAD' });
    expect(document.status).toBe(200);
    expect(await document.text()).toBe('');
  });

  it('answers a path no endpoint has with 404, and a broken escape in an id with 400', async () => {
    const unknown = await fetch(`${gw.origin}/salesforce/campaigns`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as ErrorAnswer).error.code).toBe('NOT_FOUND');
    const broken = await rest('GET', '/salesforce/accounts/%E0%A4%A');
    expect(broken.status).toBe(400);
    expect(errorOf(broken).code).toBe('BAD_REQUEST');
  });

  it('updates with PUT: If-Match must match the current ETag (else 412 and nothing written)', async () => {
    const created = await rest<Row>('POST', '/salesforce/accounts', {
      body: { name: 'REST Etag Co', phone: '+1 555 0100' },
    });
    const path = created.headers.get('location') ?? '';
    const etag = created.headers.get('etag') ?? '';

    const stale = await rest('PUT', path, {
      body: { phone: '+1 555 0199' },
      headers: { 'if-match': '"stale"' },
    });
    expect(stale.status).toBe(412);
    expect(errorOf(stale).code).toBe('CONFLICT');
    expect(stale.headers.get('etag')).toBe(etag);
    expect((await rest<Row>('GET', path)).body.phone).toBe('+1 555 0100');

    const updated = await rest<Row>('PUT', path, {
      body: { phone: '+1 555 0101', website: null },
      headers: { 'if-match': etag },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.phone).toBe('+1 555 0101');
    const newTag = updated.headers.get('etag');
    expect(newTag).not.toBe(etag);
    const read = await rest<Row>('GET', path);
    expect(read.headers.get('etag')).toBe(newTag);

    // The old tag no longer matches.
    const again = await rest('PUT', path, {
      body: { phone: '+1 555 0102' },
      headers: { 'if-match': etag },
    });
    expect(again.status).toBe(412);

    const unconditional = await rest<Row>('PUT', path, { body: { name: 'REST Etag Co 2' } });
    expect(unconditional.status).toBe(200);
    expect(unconditional.body.name).toBe('REST Etag Co 2');

    const missing = await rest('PUT', `/salesforce/accounts/${missingId('001')}`, {
      body: { phone: '1' },
      headers: { 'if-match': '*' },
    });
    expect(missing.status).toBe(404);
    const badBody = await rest('PUT', path, { body: { name: null } });
    expect(badBody.status).toBe(400);
    expect(Object.keys(errorOf(badBody).fields ?? {})).toEqual(['name']);
  });
});

describe('search, analytics, health', () => {
  it('searches with SOSL and answers typed hits', async () => {
    const answer = await rest<{ data: Row[] }>(
      'GET',
      '/salesforce/search?q=Acme&types=account,opportunity&first=5',
    );
    expect(answer.status).toBe(200);
    expect(answer.body.data.length).toBeGreaterThan(0);
    expect(answer.body.data.length).toBeLessThanOrEqual(5);
    for (const hit of answer.body.data) {
      expect(['Account', 'Opportunity']).toContain(hit.type);
      expect(String(hit.name)).toMatch(/acme/i);
    }
  });

  it('answers the pipeline and sales performance as the GraphQL reports do', async () => {
    const owner = '005000000000004AAA';
    const pipeline = await rest<Record<string, unknown>>(
      'GET',
      `/salesforce/analytics/pipeline?ownerId=${owner}`,
    );
    expect(pipeline.status).toBe(200);
    const graph = await gw.graphql<{ pipeline: Record<string, unknown> }>(
      'query($o: ID) { pipeline(where: { ownerId: { eq: $o } }) { amount count stages { stageName amount count } } }',
      { o: owner },
    );
    expect(pipeline.body).toMatchObject(graph.data?.pipeline ?? {});

    const performance = await rest<{ rows: Row[]; total: Row }>(
      'GET',
      '/salesforce/analytics/performance?groupBy=leadSource&from=2025-01-01&to=2026-12-31',
    );
    expect(performance.status).toBe(200);
    const report = await gw.graphql<{ salesPerformance: Record<string, unknown> }>(
      '{ salesPerformance(groupBy: LEAD_SOURCE, from: "2025-01-01", to: "2026-12-31") { from to total { wonCount lostCount wonAmount } rows { key wonCount } } }',
    );
    expect(performance.body).toMatchObject(report.data?.salesPerformance ?? {});
  });

  it('reports Salesforce health as the viewer', async () => {
    const answer = await rest<Record<string, unknown>>('GET', '/salesforce/health');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      status: 'ok',
      viewer: { name: 'Integration User' },
      apiUsage: { max: 100000 },
    });
  });
});

describe('sync and the linked-service endpoints', () => {
  it('syncs Stripe, Zendesk and QuickBooks into Salesforce, each endpoint once, then the named services', async () => {
    for (const [path, source] of [
      ['/salesforce/integrations/stripe/payments', 'stripe'],
      ['/salesforce/integrations/zendesk/tickets', 'zendesk'],
      ['/salesforce/integrations/quickbooks/invoices', 'quickbooks'],
    ] as const) {
      const answer = await rest<Record<string, unknown>>('POST', path, { body: {} });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ source, failed: 0 });
      expect(Number(answer.body.created)).toBeGreaterThan(0);
    }
    const all = await rest<{ results: Array<Record<string, unknown>> }>(
      'POST',
      '/salesforce/sync',
      {
        body: { services: ['quickbooks', 'stripe'] },
      },
    );
    expect(all.status).toBe(200);
    // Idempotent: the second run finds everything as written.
    expect(all.body.results).toEqual([
      expect.objectContaining({ source: 'quickbooks', created: 0, updated: 0 }),
      expect.objectContaining({ source: 'stripe', created: 0, updated: 0 }),
    ]);
    const everything = await rest<{ results: unknown[] }>('POST', '/salesforce/sync', { body: {} });
    expect(everything.body.results).toHaveLength(3);

    const bad = await rest('POST', '/salesforce/sync', {
      body: { services: ['stripe', 'stripe', 'hubspot'], since: 'yesterday' },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(errorOf(bad).fields ?? {}).sort()).toEqual(['services.2', 'since']);
  });

  it('answers 409 CONFLICT while a run of the same service and scope is going on', async () => {
    await s.faults({ latencyMs: 150 });
    await s.resetStats();
    try {
      const first = rest<Record<string, unknown>>(
        'POST',
        '/salesforce/integrations/stripe/payments',
        {
          body: {},
        },
      );
      // The lease is taken before the first page is read.
      for (;;) {
        const stats = await s.stats();
        if ((stats.byEndpoint['GET /v1/payment_intents'] ?? 0) > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const second = await rest('POST', '/salesforce/sync', { body: { services: ['stripe'] } });
      expect(second.status).toBe(409);
      expect(errorOf(second)).toMatchObject({
        code: 'CONFLICT',
        message: expect.stringMatching(/already running/),
      });
      expect((await first).status).toBe(200);
    } finally {
      await s.faults({ latencyMs: 0 });
    }
  });
});

describe('the HTTP edge', () => {
  const APP = 'http://localhost:5173';

  it('lets a loopback page preflight a conditional PUT and read the REST headers', async () => {
    const preflight = await fetch(`${gw.origin}/salesforce/accounts/00100000000003BAAQ`, {
      method: 'OPTIONS',
      headers: {
        origin: APP,
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'content-type,if-match',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(APP);
    expect(preflight.headers.get('access-control-allow-methods')?.split(', ')).toContain('PUT');
    expect(preflight.headers.get('access-control-allow-headers')?.split(', ')).toEqual(
      expect.arrayContaining(['content-type', 'if-match', 'if-none-match']),
    );

    const page = await rest('GET', '/salesforce/accounts?first=1', { headers: { origin: APP } });
    expect(page.headers.get('access-control-allow-origin')).toBe(APP);
    expect(page.headers.get('access-control-expose-headers')?.split(', ')).toEqual(
      expect.arrayContaining(['link', 'etag', 'location', 'retry-after', 'x-request-id']),
    );
    // The security headers of every other route.
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('cache-control')).toBe('no-store');
  });

  it('answers a plain OPTIONS with the methods of the path', async () => {
    const response = await fetch(`${gw.origin}/salesforce/accounts`, { method: 'OPTIONS' });
    expect(response.status).toBe(204);
    expect(response.headers.get('allow')).toBe('GET, POST, HEAD, OPTIONS');
  });
});

describe('one operation, one cost', () => {
  it('a REST list makes the Salesforce calls of the same GraphQL query, no more', async () => {
    const route = REST_ROUTES.find((r) => r.operationId === 'listOpportunities');
    await gw.resetEmulatorStats();
    const answer = await rest<Page<Row>>(
      'GET',
      '/salesforce/opportunities?stageName=Prospecting&sort=-amount&first=40',
    );
    expect(answer.body.data.length).toBeGreaterThan(0);
    const viaRest = await gw.emulatorStats();

    await gw.resetEmulatorStats();
    const graph = await gw.graphql<{ opportunities: { nodes: unknown[] } }>(route?.document ?? '', {
      where: { stageName: { eq: 'Prospecting' } },
      orderBy: [{ field: 'AMOUNT', direction: 'DESC' }],
      first: 40,
    });
    expect(graph.data?.opportunities.nodes).toEqual(answer.body.data);
    const viaGraphQL = await gw.emulatorStats();

    expect(viaRest.total).toBe(viaGraphQL.total);
    expect(viaRest.byEndpoint).toEqual(viaGraphQL.byEndpoint);
    // Batched: the page, its accounts and its owners, not one call per row.
    expect(viaRest.total).toBeLessThanOrEqual(3);
  });
});

describe('coverage of the document', () => {
  it('answers a bad request to every endpoint with the error body of the document', async () => {
    for (const route of REST_ROUTES) {
      const path = route.path.replace('{id}', '00100000000003BAAQ');
      const answer =
        route.body === undefined
          ? await rest(route.method, `${path}?bogus=1`)
          : await rest(route.method, path, { body: { bogus: 1 } });
      expect(`${route.method} ${route.path} ${answer.status}`).toBe(
        `${route.method} ${route.path} 400`,
      );
      expect(errorOf(answer).code).toBe('BAD_USER_INPUT');
      expect(Object.keys(errorOf(answer).fields ?? {})).toContain('bogus');
    }
  });

  it('checked a real success answer of every endpoint against the document', () => {
    const missing = REST_ROUTES.filter(
      (route) => !openApi.checked.has(`${route.method} ${route.path} ${route.success.status}`),
    ).map((route) => `${route.method} ${route.path}`);
    expect(missing).toEqual([]);
    const withoutError = REST_ROUTES.filter(
      (route) => !openApi.checked.has(`${route.method} ${route.path} 400`),
    );
    expect(withoutError).toEqual([]);
    for (const status of [304, 400, 404, 405, 409, 412, 415]) {
      expect([...openApi.checked].some((entry) => entry.endsWith(` ${status}`))).toBe(true);
    }
  });
});
