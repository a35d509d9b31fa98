import { DEFAULT_LINKED_RESILIENCE } from '../../config';
import { SALESFORCE_ACCOUNT_ID_KEY } from '../../emulators/stripe';
import {
  startStripeTarget,
  stripeFailure,
  type StripeTarget,
} from '../../../test/helpers/stripe-emulator';
import { createLinkedResilience, LinkedServiceError } from '../linked';
import { OperationScope, RowBudgetExceededError } from '../operation-scope';
import { createStripeUpstream, type StripeUpstream } from './stripe-client';
import { normaliseStripeError } from './stripe-failure';

const resilience = { ...DEFAULT_LINKED_RESILIENCE, retries: 0, timeoutMs: 2_000 };

function upstreamFor(target: StripeTarget, apiKey?: string): StripeUpstream {
  return createStripeUpstream(
    {
      mode: 'live',
      settings: {
        apiKey: apiKey ?? 'sk_test_atom_demo_emulator_key',
        apiUrl: target.emulator.url,
        accountMetadataKey: SALESFORCE_ACCOUNT_ID_KEY,
      },
      resilience,
    },
    { resilience: createLinkedResilience('stripe', resilience) },
  );
}

const scope = (maxRows = 10_000) => new OperationScope({ requestId: 'test', maxRows });

async function failure(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
  } catch (err) {
    return err;
  }
  throw new Error('expected a failure');
}

describe('Stripe upstream over the emulator', () => {
  let target: StripeTarget;
  let upstream: StripeUpstream;

  beforeAll(async () => {
    target = await startStripeTarget();
    upstream = upstreamFor(target);
  });
  afterEach(() => target.admin.reset());

  it('normalises stripe-node errors: 401 rejected, 429 rate-limited with Retry-After, 503 unavailable, 400 our bug', async () => {
    const stripe = target.client();
    const wrongKey = await stripeFailure(target.client({}, 'sk_test_wrong').customers.list());
    expect(normaliseStripeError(wrongKey)).toMatchObject({ kind: 'rejected', statusCode: 401 });
    expect(String((normaliseStripeError(wrongKey) as Error).message)).not.toMatch(/sk_test_wrong/);
    await target.admin.faults({ rateLimited: 1 });
    const limited = normaliseStripeError(await stripeFailure(stripe.customers.list()));
    expect(limited).toMatchObject({ kind: 'rate-limited', statusCode: 429, retryAfterSeconds: 1 });
    await target.admin.faults({ serverUnavailable: 1 });
    const down = normaliseStripeError(await stripeFailure(stripe.customers.list()));
    expect(down).toMatchObject({ kind: 'unavailable', statusCode: 503 });
    const bad = normaliseStripeError(
      await stripeFailure(stripe.customers.search({ query: 'nonsense' })),
    );
    expect(bad).toBeInstanceOf(Error);
    expect(bad).not.toBeInstanceOf(LinkedServiceError);
    await target.admin.faults({ offline: 2_000 });
    const offline = normaliseStripeError(await stripeFailure(stripe.customers.list()));
    expect(offline).toMatchObject({ kind: 'unavailable' });
  });

  it('reports a refused key as rejected, through linkedCall', async () => {
    const err = await failure(upstreamFor(target, 'sk_test_wrong').paymentIntent('pi_1', scope()));
    expect(err).toBeInstanceOf(LinkedServiceError);
    expect(err).toMatchObject({ service: 'stripe', kind: 'rejected' });
  });

  it('keeps an injection attempt in one literal: one search, no customer of another account', async () => {
    const [victim] = target.emulator.store.customers
      .newestFirst()
      .filter((c) => c.metadata[SALESFORCE_ACCOUNT_ID_KEY] !== undefined);
    const accountId = victim?.metadata[SALESFORCE_ACCOUNT_ID_KEY] as string;
    await target.admin.resetStats();
    const found = await upstream.customersByAccountIds(
      [`x' OR metadata['${SALESFORCE_ACCOUNT_ID_KEY}']:'${accountId}`],
      scope(),
    );
    expect(found).toEqual([]);
    expect((await target.admin.stats()).byEndpoint).toEqual({ 'GET /v1/customers/search': 1 });
    expect(await upstream.customersByAccountIds([accountId], scope())).toContainEqual({
      id: victim?.id,
      accountId,
    });
  });

  it('follows next_page past 100 payments and counts every row against the budget', async () => {
    const customer = await target.client().customers.create({ name: 'Busy' });
    for (let i = 0; i < 105; i++) {
      await target.client().paymentIntents.create({
        amount: 1000 + i,
        currency: 'usd',
        customer: customer.id,
      });
    }
    await target.admin.resetStats();
    const operation = scope();
    const payments = await upstream.paymentsOfCustomers([customer.id], operation);
    expect(payments).toHaveLength(105);
    expect(operation.rowsRead).toBe(105);
    expect((await target.admin.stats()).byEndpoint).toEqual({
      'GET /v1/payment_intents/search': 2,
    });
    const small = scope(50);
    expect(await failure(upstream.paymentsOfCustomers([customer.id], small))).toBeInstanceOf(
      RowBudgetExceededError,
    );
  });

  it('answers null for an unknown PaymentIntent or customer', async () => {
    expect(await upstream.paymentIntent('pi_Unknown', scope())).toBeNull();
    expect(await upstream.customer('cus_Unknown', scope())).toBeNull();
  });

  it('refuses without settings: not configured, naming what is missing', async () => {
    const off = createStripeUpstream(
      { mode: 'off', missing: ['STRIPE_API_KEY'] },
      { resilience: createLinkedResilience('stripe', resilience) },
    );
    expect(await failure(off.paymentIntent('pi_1', scope()))).toMatchObject({
      kind: 'not-configured',
      missing: ['STRIPE_API_KEY'],
    });
  });
});
