import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { apiCalls, emulatorRequests, injectFaults } from '../helpers/emulator-requests';

const API_USAGE = '{ apiUsage { used max } }';

async function callsTo(gateway: TestGateway, path: RegExp, method?: string): Promise<number> {
  return apiCalls(await emulatorRequests(gateway.emulatorUrl)).filter(
    (r) => path.test(r.path) && (method === undefined || r.method === method),
  ).length;
}

describe('Salesforce circuit breaker and retries', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway({
      env: {
        SALESFORCE_BREAKER_THRESHOLD: '5',
        SALESFORCE_BREAKER_HALF_OPEN_AFTER_MS: '500',
        SALESFORCE_RETRIES: '2',
        SALESFORCE_RETRY_BASE_DELAY_MS: '5',
        SALESFORCE_RETRY_MAX_DELAY_MS: '20',
      },
    });
  });

  it('retries a failed query but never a failed create, then opens and fails fast, then closes', async () => {
    await injectFaults(gateway.emulatorUrl, { serverUnavailable: 1000 });
    await gateway.resetEmulatorStats();

    const create = await gateway.graphql(
      'mutation { createAccount(input: { name: "Never twice" }) { id } }',
    );
    expect(create.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    // Whatever endpoint the create used: one POST, never repeated.
    expect(await callsTo(gateway, /sobjects/, 'POST')).toBe(1);

    const read = await gateway.graphql(API_USAGE);
    expect(read.errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      upstream: { service: 'salesforce', errorCode: 'SERVER_UNAVAILABLE' },
    });
    // One call and two retries: 4 consecutive failures so far, below the threshold of 5.
    expect(await callsTo(gateway, /\/limits$/)).toBe(3);
    expect(gateway.gateway.resilience.state().salesforce).toBe('closed');

    // The fifth failure opens the breaker; the retry behind it is refused without a call.
    const opening = await gateway.graphql(API_USAGE);
    expect(opening.errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      reason: 'circuit-open',
      upstream: { service: 'salesforce' },
    });
    expect(await callsTo(gateway, /\/limits$/)).toBe(4);
    expect(gateway.gateway.resilience.state().salesforce).toBe('open');

    // Open: every Salesforce field fails fast, and the org sees no call at all.
    const before = apiCalls(await emulatorRequests(gateway.emulatorUrl)).length;
    for (let i = 0; i < 5; i++) {
      const { errors } = await gateway.graphql('{ accounts(first: 1) { nodes { id } } }');
      expect(errors?.[0]?.extensions).toMatchObject({
        code: 'UPSTREAM_UNAVAILABLE',
        reason: 'circuit-open',
      });
      expect(errors?.[0]?.extensions?.retryAfterSeconds).toEqual(expect.any(Number));
    }
    expect(apiCalls(await emulatorRequests(gateway.emulatorUrl)).length).toBe(before);

    // Salesforce recovers: once the breaker half-opens, one probe succeeds and closes it.
    await injectFaults(gateway.emulatorUrl, { serverUnavailable: 0 });
    let answered = false;
    for (let attempt = 0; attempt < 100 && !answered; attempt++) {
      const { errors } = await gateway.graphql(API_USAGE);
      if (errors === undefined) answered = true;
      else {
        expect(errors[0]?.extensions?.reason).toBe('circuit-open');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    expect(answered).toBe(true);
    expect(gateway.gateway.resilience.state().salesforce).toBe('closed');
  });
});

describe('a failing Salesforce call', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway({ env: { SALESFORCE_RETRIES: '0' } });
  });

  it('degrades only the fields whose Salesforce call failed', async () => {
    const { data: ids } = await gateway.graphql<{
      accounts: { nodes: Array<{ id: string }> };
      contacts: { nodes: Array<{ id: string }> };
    }>('{ accounts(first: 1) { nodes { id } } contacts(first: 1) { nodes { id } } }');
    const accountId = ids?.accounts.nodes[0]?.id;
    const contactId = ids?.contacts.nodes[0]?.id;
    // One 503 and no retries: whichever of the two reads comes first fails.
    await injectFaults(gateway.emulatorUrl, { serverUnavailable: 1 });
    const { data, errors } = await gateway.graphql<{
      account: { name: string } | null;
      contact: { lastName: string } | null;
    }>(`query ($a: ID!, $c: ID!) { account(id: $a) { name } contact(id: $c) { lastName } }`, {
      a: accountId,
      c: contactId,
    });
    await injectFaults(gateway.emulatorUrl, { serverUnavailable: 0 });
    expect(errors).toHaveLength(1);
    const failed = errors?.[0] as { path?: string[]; extensions?: Record<string, unknown> };
    expect(failed.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    const field = failed.path?.[0] as 'account' | 'contact';
    const other = field === 'account' ? 'contact' : 'account';
    expect(data?.[field]).toBeNull();
    expect(data?.[other]).not.toBeNull();
  });
});

describe('Salesforce timeout', () => {
  it('aborts a call slower than SALESFORCE_TIMEOUT_MS and reports it as UPSTREAM_UNAVAILABLE', async () => {
    const gateway = await startTestGateway({
      env: { SALESFORCE_TIMEOUT_MS: '150', SALESFORCE_RETRIES: '0' },
    });
    await injectFaults(gateway.emulatorUrl, { latencyMs: 1000 });
    await gateway.resetEmulatorStats();
    const { errors } = await gateway.graphql(API_USAGE);
    await injectFaults(gateway.emulatorUrl, { latencyMs: 0 });
    expect(errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      upstream: { service: 'salesforce', errorCode: 'TIMEOUT' },
    });
    expect(await callsTo(gateway, /\/limits$/)).toBe(1);
  });
});

describe('Salesforce bulkhead', () => {
  it('lets at most SALESFORCE_MAX_CONCURRENT calls run and SALESFORCE_MAX_QUEUED wait', async () => {
    const gateway = await startTestGateway({
      env: { SALESFORCE_MAX_CONCURRENT: '2', SALESFORCE_MAX_QUEUED: '1' },
    });
    await injectFaults(gateway.emulatorUrl, { latencyMs: 1500 });
    await gateway.resetEmulatorStats();
    let peak = 0;
    const watch = setInterval(() => {
      peak = Math.max(peak, gateway.gateway.resilience.load().salesforce.executing);
    }, 5);
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => gateway.graphql(API_USAGE)),
    ).finally(() => clearInterval(watch));
    await injectFaults(gateway.emulatorUrl, { latencyMs: 0 });

    const rejected = answers.filter((a) => a.errors !== undefined);
    const served = answers.filter((a) => a.errors === undefined);
    expect(rejected.length).toBeGreaterThanOrEqual(1);
    expect(served.length).toBeGreaterThanOrEqual(3);
    for (const answer of rejected) {
      expect(answer.errors?.[0]?.extensions).toMatchObject({
        code: 'UPSTREAM_UNAVAILABLE',
        reason: 'bulkhead-full',
        retryAfterSeconds: 1,
      });
    }
    expect(peak).toBeLessThanOrEqual(2);
    // A refused call never reached Salesforce.
    expect(await callsTo(gateway, /\/limits$/)).toBe(served.length);
  });
});
