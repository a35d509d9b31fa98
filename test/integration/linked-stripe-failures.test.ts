import { startTestGateway } from '../helpers/gateway';
import { startStripeGateway, type StripeGateway } from '../helpers/linked-stripe-gateway';

type Errors = Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>;
interface AccountsAnswer {
  data?: {
    accounts: {
      nodes: Array<{ id: string; name: string; payments: { nodes: Array<{ id: string }> } }>;
    };
  };
  errors?: Errors;
}

const ACCOUNTS = `{ accounts(first: 5) { nodes { id name payments { nodes { id } } } } }`;

/** Five accounts with names (Salesforce) and payments: empty, each with its own error. */
function expectPartial(res: AccountsAnswer, code: string): Errors {
  const nodes = res.data?.accounts.nodes ?? [];
  expect(nodes).toHaveLength(5);
  expect(nodes.every((a) => a.name.length > 0 && a.payments.nodes.length === 0)).toBe(true);
  const errors = res.errors ?? [];
  expect(errors.map((e) => e.path)).toEqual(
    nodes.map((_, i) => ['accounts', 'nodes', i, 'payments']),
  );
  for (const error of errors) {
    expect(error.extensions).toMatchObject({ code, service: 'stripe' });
  }
  return errors;
}

describe('Account.payments when Stripe fails', () => {
  let s: StripeGateway;

  beforeAll(async () => {
    s = await startStripeGateway();
  }, 60_000);

  /** Ends the faults, and a good answer closes the breaker's count of consecutive failures. */
  afterEach(async () => {
    await s.reset();
    const res = (await s.gw.graphql(ACCOUNTS)) as AccountsAnswer;
    expect(res.errors).toBeUndefined();
  });

  it('retries a short 5xx burst and answers in full', async () => {
    await s.faults({ serverUnavailable: 2 });
    const res = (await s.gw.graphql(ACCOUNTS)) as AccountsAnswer;
    expect(res.errors).toBeUndefined();
    expect(res.data?.accounts.nodes).toHaveLength(5);
    expect((await s.stats()).rejected.serverUnavailable).toBe(2);
  });

  it('answers the Salesforce data and one UPSTREAM_UNAVAILABLE per payments path when 5xx persists', async () => {
    await s.faults({ serverUnavailable: 50 });
    const res = (await s.gw.graphql(ACCOUNTS)) as AccountsAnswer;
    const errors = expectPartial(res, 'UPSTREAM_UNAVAILABLE');
    expect(errors[0]?.extensions).toMatchObject({ reason: 'unavailable' });
    // One call and its two retries: the batch failed once for all five accounts.
    expect((await s.stats()).rejected.serverUnavailable).toBe(3);
  });

  it('answers the Salesforce data when Stripe is offline, and node(id) null with its error', async () => {
    await s.faults({ offline: 5_000 });
    expectPartial((await s.gw.graphql(ACCOUNTS)) as AccountsAnswer, 'UPSTREAM_UNAVAILABLE');
    await s.reset();
    await s.gw.graphql(ACCOUNTS);
    await s.faults({ offline: 5_000 });
    const node = (await s.gw.graphql(
      '{ node(id: "stripe-payment:pi_AnyPaymentIntent1") { id } account: accounts(first: 1) { nodes { id } } }',
    )) as { data?: { node: null; account: { nodes: unknown[] } }; errors?: Errors };
    expect(node.data?.node).toBeNull();
    expect(node.data?.account.nodes).toHaveLength(1);
    expect(node.errors).toHaveLength(1);
    expect(node.errors?.[0]).toMatchObject({
      path: ['node'],
      extensions: { code: 'UPSTREAM_UNAVAILABLE', service: 'stripe' },
    });
  });

  it('waits out a short 429 (Retry-After: 1) and answers in full', async () => {
    await s.faults({ rateLimited: 1 });
    const started = Date.now();
    const res = (await s.gw.graphql(ACCOUNTS)) as AccountsAnswer;
    expect(res.errors).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect((await s.stats()).rejected.rateLimited).toBe(1);
  });
});

describe('Account.payments with a long Retry-After and a short timeout', () => {
  let s: StripeGateway;

  beforeAll(async () => {
    s = await startStripeGateway({
      stripe: { retryAfterSeconds: 30 },
      env: { STRIPE_TIMEOUT_MS: '300', STRIPE_RETRIES: '0' },
    });
  }, 60_000);

  afterEach(() => s.reset());

  it('reports UPSTREAM_RATE_LIMITED with retryAfterSeconds at once', async () => {
    await s.faults({ rateLimited: 1 });
    await s.resetStats();
    const errors = expectPartial(
      (await s.gw.graphql(ACCOUNTS)) as AccountsAnswer,
      'UPSTREAM_RATE_LIMITED',
    );
    expect(errors[0]?.extensions).toMatchObject({ retryAfterSeconds: 30, reason: 'rate-limited' });
    // At once: the refused search was neither waited out (30 s) nor retried.
    expect((await s.stats()).rejected.rateLimited).toBe(1);
  });

  it('gives up on a Stripe slower than STRIPE_TIMEOUT_MS with UPSTREAM_UNAVAILABLE', async () => {
    await s.faults({ latencyMs: 1_500 });
    const started = Date.now();
    const errors = expectPartial(
      (await s.gw.graphql(ACCOUNTS)) as AccountsAnswer,
      'UPSTREAM_UNAVAILABLE',
    );
    expect(errors[0]?.message).toMatch(/timeout being reached \(300ms\)/);
    // The emulator's latency is a plain timer that outlives the abandoned request: let it end
    // so the file leaves nothing running.
    await new Promise((resolve) => setTimeout(resolve, started + 1_600 - Date.now()));
  });
});

describe('Account.payments without a Stripe emulator', () => {
  it('answers UPSTREAM_UNAVAILABLE saying the emulator is not running', async () => {
    const gw = await startTestGateway();
    const res = (await gw.graphql(ACCOUNTS)) as AccountsAnswer;
    const errors = expectPartial(res, 'UPSTREAM_UNAVAILABLE');
    expect(errors[0]?.extensions).toMatchObject({ reason: 'not-configured' });
    expect(errors[0]?.message).toMatch(/Stripe .*emulator is not running/);
    const node = await gw.graphql('{ node(id: "stripe-payment:pi_AnyPaymentIntent1") { id } }');
    expect(node).toMatchObject({
      data: { node: null },
      errors: [{ path: ['node'], extensions: { code: 'UPSTREAM_UNAVAILABLE', service: 'stripe' } }],
    });
  }, 60_000);
});
