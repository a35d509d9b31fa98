import { setTimeout as sleep } from 'node:timers/promises';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { linkedZendesk, type LinkedZendesk } from '../helpers/linked-zendesk';

interface PathError {
  message: string;
  path?: Array<string | number>;
  extensions?: Record<string, unknown>;
}
interface AccountsPage {
  accounts: {
    nodes: Array<{ id: string; name: string; tickets: { nodes: Array<{ id: string }> } }>;
  };
}

const PAGE = `{ accounts(first: 10, orderBy: [{ field: NAME }]) { nodes { id name tickets { nodes { id } } } } }`;
const NODE = `query ($id: ID!) { node(id: $id) { id ... on Ticket { subject } } }`;

async function page(gw: TestGateway) {
  const res = await gw.graphql<AccountsPage>(PAGE);
  return { data: res.data, errors: (res.errors ?? []) as PathError[] };
}

/** Every account answers with its Salesforce fields and an empty connection; one error per path. */
function expectPartialAnswer(result: Awaited<ReturnType<typeof page>>, code: string): PathError[] {
  const nodes = result.data!.accounts.nodes;
  expect(nodes).toHaveLength(10);
  expect(nodes.every((n) => n.name.length > 0 && n.tickets.nodes.length === 0)).toBe(true);
  expect(result.errors.map((e) => e.path)).toEqual(
    nodes.map((_, i) => ['accounts', 'nodes', i, 'tickets']),
  );
  for (const error of result.errors) {
    expect(error.extensions).toMatchObject({ code, service: 'zendesk' });
  }
  return result.errors;
}

describe('Zendesk failures answer the rest of the query', () => {
  let gw: TestGateway;
  let zendesk: LinkedZendesk;
  let ticketsWhenHealthy: number;

  beforeAll(async () => {
    gw = await startTestGateway({ linked: {} });
    zendesk = linkedZendesk(gw);
    const healthy = await page(gw);
    expect(healthy.errors).toEqual([]);
    ticketsWhenHealthy = healthy.data!.accounts.nodes.reduce(
      (sum, n) => sum + n.tickets.nodes.length,
      0,
    );
    expect(ticketsWhenHealthy).toBeGreaterThan(0);
  }, 60_000);

  afterEach(async () => {
    await zendesk.reset();
  });

  // 429s first: they do not count against the breaker, the 5xx tests below open it.
  it('a short 429 (Retry-After 1 s) is waited out and retried: the page answers in full', async () => {
    await zendesk.faults({ rateLimited: 1, retryAfterSeconds: 1 });
    const started = Date.now();
    const result = await page(gw);
    expect(result.errors).toEqual([]);
    expect(result.data!.accounts.nodes.reduce((s, n) => s + n.tickets.nodes.length, 0)).toBe(
      ticketsWhenHealthy,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect((await zendesk.stats()).refused.rateLimited).toBe(1);
  });

  it('a long 429 answers UPSTREAM_RATE_LIMITED with retryAfterSeconds on each path, at once', async () => {
    await zendesk.faults({ rateLimited: 50, retryAfterSeconds: 120 });
    const errors = expectPartialAnswer(await page(gw), 'UPSTREAM_RATE_LIMITED');
    expect(errors[0]?.extensions).toMatchObject({ retryAfterSeconds: 120, reason: 'rate-limited' });
    // One batched call was refused; the gateway did not retry it or call per account.
    expect((await zendesk.stats()).refused.rateLimited).toBe(1);
  });

  it('5xx past the retries: UPSTREAM_UNAVAILABLE on each tickets path, Salesforce data intact', async () => {
    await zendesk.faults({ serverUnavailable: 100 });
    const errors = expectPartialAnswer(await page(gw), 'UPSTREAM_UNAVAILABLE');
    expect(errors[0]?.extensions).toMatchObject({ reason: 'unavailable' });
    // The first batched call and its two retries.
    expect((await zendesk.stats()).refused.serverUnavailable).toBe(3);
  });

  it('offline: the page still answers; node(id:) is null with the error on its path', async () => {
    await zendesk.faults({ offline: 60_000 });
    expectPartialAnswer(await page(gw), 'UPSTREAM_UNAVAILABLE');
    const res = await gw.graphql<{ node: null }>(NODE, { id: 'zendesk-ticket:1' });
    expect(res.data).toEqual({ node: null });
    expect(res.errors?.[0]).toMatchObject({
      path: ['node'],
      extensions: { code: 'UPSTREAM_UNAVAILABLE', service: 'zendesk' },
    });
    // Contacts without an email need no call: they answer empty without an error.
    const contacts = await gw.graphql<{
      contacts: { nodes: Array<{ email: string | null; tickets: { nodes: unknown[] } }> };
    }>(`{ contacts(first: 5) { nodes { email tickets { nodes { id } } } } }`);
    const nodes = contacts.data!.contacts.nodes;
    expect(nodes.map((n) => n.tickets.nodes)).toEqual([[], [], [], [], []]);
    const withEmail = [...nodes.keys()].filter((i) => nodes[i]!.email !== null);
    expect(withEmail.length).toBeGreaterThan(0);
    expect((contacts.errors as PathError[]).map((e) => [e.path, e.extensions?.code])).toEqual(
      withEmail.map((i) => [['contacts', 'nodes', i, 'tickets'], 'UPSTREAM_UNAVAILABLE']),
    );
  });
});

describe('Zendesk rows count against the operation budget (QUERY_MAX_ROWS)', () => {
  it('search results past the budget fail the operation with QUERY_TOO_COMPLEX max-rows', async () => {
    const gw = await startTestGateway({ linked: {}, env: { QUERY_MAX_ROWS: '150' } });
    const res = await gw.graphql(
      `{ accounts(first: 50) { nodes { id tickets(first: 1) { nodes { id } } } } }`,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      reason: 'max-rows',
    });
  });
});

describe('Zendesk slower than ZENDESK_TIMEOUT_MS', () => {
  it('answers UPSTREAM_UNAVAILABLE on the tickets paths without waiting for it', async () => {
    const gw = await startTestGateway({
      linked: {},
      env: { ZENDESK_TIMEOUT_MS: '300', ZENDESK_RETRIES: '0' },
    });
    const zendesk = linkedZendesk(gw);
    await zendesk.faults({ latencyMs: 1000 });
    const started = Date.now();
    const errors = expectPartialAnswer(await page(gw), 'UPSTREAM_UNAVAILABLE');
    expect(errors[0]?.message).toMatch(/did not answer in time/);
    // The emulator's abandoned call still sleeps: let it end before the servers stop.
    await sleep(1000 - (Date.now() - started));
  });
});

describe('Zendesk not configured (the emulator was not started)', () => {
  it('answers UPSTREAM_UNAVAILABLE saying so, on every tickets path and on node(id:)', async () => {
    const gw = await startTestGateway();
    const errors = expectPartialAnswer(await page(gw), 'UPSTREAM_UNAVAILABLE');
    expect(errors[0]?.extensions).toMatchObject({ reason: 'not-configured' });
    expect(errors[0]?.message).toMatch(/emulator is not running/);
    const res = await gw.graphql<{ node: null }>(NODE, { id: 'zendesk-ticket:1' });
    expect(res.data).toEqual({ node: null });
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      reason: 'not-configured',
    });
  });
});
