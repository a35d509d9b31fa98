import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { gatewayQuickBooks, type GatewayQuickBooks } from '../helpers/linked-quickbooks';

interface Page {
  accounts: {
    nodes: Array<{ id: string; name: string; invoices: { nodes: Array<{ id: string }> } }>;
  };
}
const QUERY = '{ accounts(first: 8) { nodes { id name invoices { nodes { id } } } } }';

type Answer = Awaited<ReturnType<TestGateway['graphql']>> & { data?: Page };

/** Every Salesforce field answered; every account's invoices empty with one error on its path. */
function expectPartialAnswer(res: Answer, code: string, extra: Record<string, unknown> = {}) {
  const accounts = res.data!.accounts.nodes;
  expect(accounts).toHaveLength(8);
  for (const account of accounts) {
    expect(account.name).toEqual(expect.any(String));
    expect(account.invoices.nodes).toEqual([]);
  }
  const errors = res.errors as unknown as Array<{
    path: unknown[];
    extensions: Record<string, unknown>;
  }>;
  expect(errors.map((e) => e.path)).toEqual(
    accounts.map((_a, index) => ['accounts', 'nodes', index, 'invoices']),
  );
  for (const error of errors) {
    expect(error.extensions).toMatchObject({ code, service: 'quickbooks', ...extra });
  }
}

function invoiceCount(res: Answer): number {
  return res.data!.accounts.nodes.reduce((n, a) => n + a.invoices.nodes.length, 0);
}

describe('QuickBooks Online failures answer a partial result', () => {
  describe('one gateway, emulator knobs', () => {
    let gw: TestGateway;
    let qb: GatewayQuickBooks;
    let healthyInvoices: number;

    beforeAll(async () => {
      gw = await startTestGateway({ linked: {} });
      qb = gatewayQuickBooks(gw);
      const res = (await gw.graphql<Page>(QUERY)) as Answer;
      expect(res.errors).toBeUndefined();
      healthyInvoices = invoiceCount(res);
      expect(healthyInvoices).toBeGreaterThan(0);
    });

    afterEach(async () => {
      await qb.faults({ serverUnavailable: 0, rateLimited: 0, retryAfterSeconds: 60 });
    });

    it('a 429 with a long Retry-After is UPSTREAM_RATE_LIMITED with retryAfterSeconds', async () => {
      await qb.faults({ rateLimited: 5, retryAfterSeconds: 60 });
      const res = (await gw.graphql<Page>(QUERY)) as Answer;
      expectPartialAnswer(res, 'UPSTREAM_RATE_LIMITED', {
        reason: 'rate-limited',
        retryAfterSeconds: 60,
      });
    });

    it('a 429 with a short Retry-After is waited out and retried', async () => {
      await qb.faults({ rateLimited: 1, retryAfterSeconds: 1 });
      const res = (await gw.graphql<Page>(QUERY)) as Answer;
      expect(res.errors).toBeUndefined();
      expect(invoiceCount(res)).toBe(healthyInvoices);
    });

    it('one 503 is retried and the query succeeds', async () => {
      await qb.resetStats();
      await qb.faults({ serverUnavailable: 1 });
      const res = (await gw.graphql<Page>(QUERY)) as Answer;
      expect(res.errors).toBeUndefined();
      expect(invoiceCount(res)).toBe(healthyInvoices);
    });

    it("offline: every Salesforce field answers; each account's invoices are empty with one UPSTREAM_UNAVAILABLE on its path", async () => {
      await qb.faults({ offline: 3000 });
      const res = (await gw.graphql<Page>(QUERY)) as Answer;
      expectPartialAnswer(res, 'UPSTREAM_UNAVAILABLE', { reason: 'unavailable' });
      // node(id:) is nullable: it answers null with the error.
      const node = await gw.graphql<{ node: null }>('query ($id: ID!) { node(id: $id) { id } }', {
        id: 'quickbooks-invoice:9130350000000001:1',
      });
      expect(node.data).toEqual({ node: null });
      expect(node.errors?.[0]?.extensions).toMatchObject({
        code: 'UPSTREAM_UNAVAILABLE',
        service: 'quickbooks',
      });
    });
  });

  it('a QuickBooks slower than QUICKBOOKS_TIMEOUT_MS is UPSTREAM_UNAVAILABLE', async () => {
    const gw = await startTestGateway({
      linked: {},
      env: { QUICKBOOKS_TIMEOUT_MS: '300', QUICKBOOKS_RETRIES: '0' },
    });
    const qb = gatewayQuickBooks(gw);
    // The token grant is not slowed (latency applies to the company API only).
    await qb.faults({ latencyMs: 2000 });
    const res = (await gw.graphql<Page>(QUERY)) as Answer;
    expectPartialAnswer(res, 'UPSTREAM_UNAVAILABLE', { reason: 'unavailable' });
    expect(res.errors![0]!.message).toMatch(/did not answer in time/);
    await gw.stop();
  });

  it('not configured (emulator not started): UPSTREAM_UNAVAILABLE saying so, Salesforce still answers', async () => {
    const gw = await startTestGateway();
    const res = (await gw.graphql<Page>(QUERY)) as Answer;
    expectPartialAnswer(res, 'UPSTREAM_UNAVAILABLE', { reason: 'not-configured' });
    expect(res.errors![0]!.message).toMatch(/emulator is not running/);
    const node = await gw.graphql('query ($id: ID!) { node(id: $id) { id } }', {
      id: 'quickbooks-invoice:9130350000000001:1',
    });
    expect(node.errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      reason: 'not-configured',
    });
    await gw.stop();
  });
});
