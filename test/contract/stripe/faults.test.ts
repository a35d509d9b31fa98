import Stripe from 'stripe';
import {
  startStripeTarget,
  stripeFailure,
  withShortRetryDelays,
  type StripeTarget,
} from '../../helpers/stripe-emulator';

let target: StripeTarget;
let stripe: Stripe;
beforeAll(async () => {
  target = await startStripeTarget({ retryAfterSeconds: 2 });
  stripe = target.client();
});
afterEach(() => target.admin.reset());

describe('Stripe emulator fault knobs', () => {
  it('rateLimited: the next N calls answer 429 rate_limit with Retry-After, then calls succeed', async () => {
    const res = await target.admin.faults({ rateLimited: 2 });
    expect(await res.json()).toMatchObject({ rateLimited: 2 });
    for (let i = 0; i < 2; i++) {
      const failure = await stripeFailure(stripe.customers.list({ limit: 1 }));
      expect(failure).toBeInstanceOf(Stripe.errors.StripeRateLimitError);
      expect(failure.statusCode).toBe(429);
      expect(failure.code).toBe('rate_limit');
      expect(failure.headers?.['retry-after']).toBe('2');
      expect(failure.raw).toMatchObject({ type: 'invalid_request_error' });
    }
    await expect(stripe.customers.list({ limit: 1 })).resolves.toMatchObject({ object: 'list' });
    const stats = await target.admin.stats();
    expect(stats.rejected.rateLimited).toBe(2);
    expect(stats.total).toBe(1);
  });

  it('stripe-node does not retry a 429 even with retries on', async () => {
    await target.admin.faults({ rateLimited: 1 });
    const retrying = target.client({ maxNetworkRetries: 2 });
    await stripeFailure(retrying.customers.list({ limit: 1 }));
    expect((await target.admin.stats()).rejected.rateLimited).toBe(1);
  });

  it('serverUnavailable: a 5xx burst answers 503 api_error; stripe-node retries through it', async () => {
    await target.admin.faults({ serverUnavailable: 1 });
    const failure = await stripeFailure(stripe.paymentIntents.list({ limit: 1 }));
    expect(failure).toBeInstanceOf(Stripe.errors.StripeAPIError);
    expect(failure.statusCode).toBe(503);
    expect(failure.raw).toMatchObject({ type: 'api_error' });

    await target.admin.faults({ serverUnavailable: 2 });
    const retrying = withShortRetryDelays(target.client({ maxNetworkRetries: 2 }));
    await expect(retrying.paymentIntents.list({ limit: 1 })).resolves.toMatchObject({
      object: 'list',
    });
    const stats = await target.admin.stats();
    expect(stats.rejected.serverUnavailable).toBe(3);
    expect(stats.byEndpoint['GET /v1/payment_intents']).toBe(1);
  });

  it('latencyMs: applied and reported; calls still answer', async () => {
    const res = await target.admin.faults({ latencyMs: 20 });
    expect(await res.json()).toMatchObject({ latencyMs: 20 });
    await expect(stripe.customers.list({ limit: 1 })).resolves.toMatchObject({ object: 'list' });
  });

  it('offline: connections are cut until the outage ends; the admin API stays up', async () => {
    await target.admin.faults({ offline: 60_000 });
    // stripe-node retries a reset connection once even with retries off.
    const failure = await stripeFailure(withShortRetryDelays(target.client()).customers.list());
    expect(failure).toBeInstanceOf(Stripe.errors.StripeConnectionError);
    expect((await target.admin.stats()).total).toBe(0);
    await target.admin.faults({ offline: 0 });
    await expect(stripe.customers.list({ limit: 1 })).resolves.toMatchObject({ object: 'list' });
  });

  it('refuses malformed fault settings', async () => {
    for (const body of [{ rateLimited: -1 }, { latencyMs: 1.5 }, { explode: true }]) {
      const res = await target.admin.faults(body as never);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: expect.any(String) });
    }
    expect((await target.admin.post('/__emulator/nothing')).status).toBe(404);
    expect((await fetch(`${target.emulator.url}/__emulator/faults`)).status).toBe(405);
  });

  it('stats count calls by endpoint; stats/reset zeroes them; reset restores the seed', async () => {
    await target.admin.resetStats();
    const before = target.emulator.store.customers.size();
    const created = await stripe.customers.create({ name: 'Temporary' });
    await stripe.customers.retrieve(created.id);
    await stripe.customers.retrieve(created.id);
    const stats = await target.admin.stats();
    expect(stats.total).toBe(3);
    expect(stats.byEndpoint).toEqual({ 'POST /v1/customers': 1, 'GET /v1/customers/:id': 2 });
    await target.admin.resetStats();
    expect((await target.admin.stats()).total).toBe(0);
    await target.admin.reset();
    expect(target.emulator.store.customers.size()).toBe(before);
    const gone = await stripeFailure(stripe.customers.retrieve(created.id));
    expect(gone.statusCode).toBe(404);
  });
});
