import { loadConfig } from '../../src/config';
import { createServer } from '../../src/server/create-server';
import type { SalesforceClient } from '../../src/upstreams/salesforce/client';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { leftovers } from '../helpers/leftovers';

async function injectFaults(gateway: TestGateway, faults: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${gateway.emulatorUrl}/__emulator/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  });
  expect(response.ok).toBe(true);
}

const API_USAGE = '{ apiUsage { used max remaining } }';

describe('Salesforce failures end to end', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway();
  });

  it('rides out a short 503 burst with bounded read retries', async () => {
    await gateway.resetEmulatorStats();
    await injectFaults(gateway, { serverUnavailable: 2 });
    const started = Date.now();
    const { data, errors } = await gateway.graphql<{ apiUsage: { max: number } }>(API_USAGE);
    expect(errors).toBeUndefined();
    expect(data?.apiUsage.max).toBe(100000);
    // 200 ms + 600 ms of backoff, not jsforce's ≈15 s.
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('reports a longer 503 burst as UPSTREAM_UNAVAILABLE', async () => {
    await injectFaults(gateway, { serverUnavailable: 5 });
    const started = Date.now();
    const { data, errors } = await gateway.graphql(API_USAGE);
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      upstream: { service: 'salesforce', errorCode: 'SERVER_UNAVAILABLE', fields: [] },
    });
    expect(Date.now() - started).toBeLessThan(5000);
    // Drain the rest of the burst so later tests see a healthy org.
    await injectFaults(gateway, { serverUnavailable: 0 });
  });

  it('logs in again transparently when every session expires', async () => {
    await injectFaults(gateway, { expireSessions: true });
    const { data, errors } = await gateway.graphql<{ apiUsage: { max: number } }>(API_USAGE);
    expect(errors).toBeUndefined();
    expect(data?.apiUsage.max).toBe(100000);
  });

  it('reports an exhausted daily limit as UPSTREAM_RATE_LIMITED', async () => {
    const limited = await startTestGateway();
    await injectFaults(limited, { exhaustLimit: true });
    const { errors } = await limited.graphql(API_USAGE);
    expect(errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_RATE_LIMITED',
      upstream: { service: 'salesforce', errorCode: 'REQUEST_LIMIT_EXCEEDED' },
    });
  });

  it('gives the demo org the EMULATOR_DAILY_API_LIMIT and EMULATOR_LATENCY_MS of the environment', async () => {
    const small = await startTestGateway({
      // No reserve: the org's own limit answers (the budget guard has its own test).
      env: {
        EMULATOR_DAILY_API_LIMIT: '3',
        EMULATOR_LATENCY_MS: '80',
        SALESFORCE_API_RESERVE_PERCENT: '100',
      },
    });
    const started = Date.now();
    const usage = await small.graphql<{ apiUsage: { max: number } }>(API_USAGE);
    expect(Date.now() - started).toBeGreaterThanOrEqual(80);
    expect(usage.errors).toBeUndefined();
    expect(usage.data?.apiUsage.max).toBe(3);
    const outcomes: unknown[] = [];
    for (let i = 0; i < 4; i++) {
      const { errors } = await small.graphql('{ accounts(first: 1) { nodes { id } } }');
      outcomes.push(errors?.[0]?.extensions?.code ?? 'ok');
    }
    // The limit counts every API call of the org; the last of these must be over it.
    expect(outcomes.at(-1)).toBe('UPSTREAM_RATE_LIMITED');
    expect(outcomes.filter((o) => o !== 'ok')).toEqual(
      outcomes.slice(outcomes.indexOf('UPSTREAM_RATE_LIMITED')),
    );
    const stats = (await (await fetch(`${small.emulatorUrl}/__emulator/stats`)).json()) as {
      limit: { used: number; max: number };
    };
    expect(stats.limit).toEqual({ used: 3, max: 3 });
  });

  it('reports not ready, and UPSTREAM_UNAVAILABLE, when Salesforce is down', async () => {
    const orphan = await startTestGateway();
    await orphan.emulator.stop();
    const ready = await fetch(orphan.url.replace('/graphql', '/readyz'));
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'unavailable' });
    const detailed = await fetch(orphan.url.replace('/graphql', '/readyz'), {
      headers: { authorization: 'Bearer demo' },
    });
    expect(detailed.status).toBe(503);
    expect(await detailed.json()).toEqual({
      status: 'unavailable',
      // The anonymous probe's retries may already have opened the breaker (5 in a row).
      salesforce: { errorCode: expect.stringMatching(/^(NETWORK_ERROR|CIRCUIT_OPEN)$/) },
    });
    const { errors } = await orphan.graphql(API_USAGE);
    expect(errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      upstream: { service: 'salesforce' },
    });
    // The probe's and this query's retries may already have opened the breaker (5 in a row).
    const extensions = errors?.[0]?.extensions ?? {};
    expect(
      extensions.reason === 'circuit-open' ||
        (extensions.upstream as { errorCode?: string }).errorCode === 'NETWORK_ERROR',
    ).toBe(true);
  });

  it('coerces bad variables to BAD_USER_INPUT', async () => {
    const { errors } = await gateway.graphql(
      'query ($first: Int) { accounts(first: $first) { totalCount } }',
      {
        first: 'x',
      },
    );
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('query limits', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway();
  });

  it('rejects too many aliases as QUERY_TOO_COMPLEX without calling Salesforce', async () => {
    await gateway.resetEmulatorStats();
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: apiUsage { used }`).join(' ');
    const { errors } = await gateway.graphql(`{ ${aliases} }`);
    expect(errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    // graphql-armor words every rejection as a syntax error; the document is well formed.
    expect(errors?.[0]?.message).toMatch(/^Aliases limit of 30 exceeded/);
    expect((await gateway.emulatorStats()).total).toBe(0);
  });

  it('rejects deep nesting as QUERY_TOO_COMPLEX', async () => {
    const deep = `{ account(id: "001000000000001AAA") { ${'parent { '.repeat(12)}id${' }'.repeat(12)} } }`;
    const { errors } = await gateway.graphql(deep);
    expect(errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('rejects oversized documents as QUERY_TOO_COMPLEX', async () => {
    const { errors } = await gateway.graphql(`{ ${'__typename '.repeat(6000)} }`);
    expect(errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it("still runs the contract's nested connection queries", async () => {
    const { errors } = await gateway.graphql(`{
      accounts(first: 2) {
        edges { cursor node { id name owner { name } parent { name owner { name } }
          contacts(first: 2) { edges { node { id account { name owner { name } } } } pageInfo { hasNextPage } }
          opportunities(first: 2) { nodes { id account { name } } } } }
        pageInfo { endCursor }
      }
    }`);
    expect(errors).toBeUndefined();
  });
});

describe('masking of unexpected errors', () => {
  const failing: SalesforceClient = {
    query: () => Promise.reject(new Error('unused')),
    queryMore: () => Promise.reject(new Error('unused')),
    queryAll: () => Promise.reject(new Error('unused')),
    search: () => Promise.reject(new Error('unused')),
    retrieve: () => Promise.reject(new Error('unused')),
    create: () => Promise.reject(new Error('unused')),
    update: () => Promise.reject(new Error('unused')),
    upsert: () => Promise.reject(new Error('unused')),
    destroy: () => Promise.reject(new Error('unused')),
    convertLead: () => Promise.reject(new Error('unused')),
    apiUsage: () =>
      Promise.reject(new TypeError("Cannot read properties of undefined (reading 'secret')")),
    identity: () =>
      Promise.resolve({
        userId: '005000000000001AAA',
        orgId: '00D000000000001AAA',
        username: 'integration@example.com',
        displayName: 'Integration',
        email: null,
      }),
  };

  async function post(
    url: string,
  ): Promise<{ errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: API_USAGE }),
    });
    return (await response.json()) as {
      errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
    };
  }

  async function start(nodeEnv: string, env: Record<string, string> = {}): Promise<string> {
    const config = loadConfig({
      NODE_ENV: nodeEnv,
      PORT: '0',
      LOG_LEVEL: 'silent',
      // Outside NODE_ENV=test the metrics listener is on by default, on the fixed 9464.
      METRICS_ENABLED: 'false',
      ...env,
    });
    const server = await createServer(config, { salesforce: failing });
    leftovers.push(() => server.stop());
    return server.url;
  }

  it('hides the message outside development', async () => {
    const body = await post(await start('production'));
    expect(body.errors).toEqual([
      {
        message: 'Internal server error',
        path: ['apiUsage'],
        locations: expect.any(Array),
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      },
    ]);
  });

  it('hides the message in development too', async () => {
    const body = await post(await start('development'));
    expect(body.errors?.[0]?.message).toBe('Internal server error');
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });

  it('shows the message with DEBUG_ERRORS=true', async () => {
    const body = await post(await start('development', { DEBUG_ERRORS: 'true' }));
    expect(body.errors?.[0]?.message).toContain("reading 'secret'");
    expect(body.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  });
});
