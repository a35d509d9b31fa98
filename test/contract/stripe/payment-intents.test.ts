import Stripe from 'stripe';
import { stripeFailure, useStripeContractFile } from '../../helpers/stripe-emulator';

const ctx = useStripeContractFile();

/** Seeded customers with the most payments first. */
function customersByPayments(): Array<{ id: string; payments: number }> {
  const counts = new Map<string, number>();
  for (const p of ctx.target.emulator.store.paymentIntents.newestFirst()) {
    if (typeof p.customer === 'string') counts.set(p.customer, (counts.get(p.customer) ?? 0) + 1);
  }
  return [...counts]
    .map(([id, payments]) => ({ id, payments }))
    .sort((a, b) => b.payments - a.payments || a.id.localeCompare(b.id));
}

describe('Stripe PaymentIntents: list by customer', () => {
  it('lists only the customer’s payments, newest first, paging with starting_after', async () => {
    const { id, payments } = customersByPayments()[0] as { id: string; payments: number };
    expect(payments).toBeGreaterThan(3);
    const all = await ctx.stripe.paymentIntents.list({ customer: id, limit: 100 });
    expect(all).toMatchObject({ object: 'list', url: '/v1/payment_intents', has_more: false });
    expect(all.data).toHaveLength(payments);
    expect(all.data.every((p) => p.customer === id && p.object === 'payment_intent')).toBe(true);
    const page1 = await ctx.stripe.paymentIntents.list({ customer: id, limit: 2 });
    expect(page1.has_more).toBe(true);
    const page2 = await ctx.stripe.paymentIntents.list({
      customer: id,
      limit: 2,
      starting_after: page1.data[1]?.id,
    });
    expect([...page1.data, ...page2.data].map((p) => p.id)).toEqual(
      all.data.slice(0, 4).map((p) => p.id),
    );
  });

  it('expands data.customer on request', async () => {
    const { id } = customersByPayments()[0] as { id: string };
    const list = await ctx.stripe.paymentIntents.list({
      customer: id,
      limit: 1,
      expand: ['data.customer'],
    });
    expect(list.data[0]?.customer).toMatchObject({ id, object: 'customer' });
    const failure = await stripeFailure(
      ctx.stripe.paymentIntents.list({ expand: ['data.invoice'] }),
    );
    expect(failure.statusCode).toBe(400);
    expect(failure.param).toBe('expand');
  });

  it('filters by created range', async () => {
    const all = ctx.target.emulator.store.paymentIntents.newestFirst();
    const pivot = all[Math.floor(all.length / 2)]?.created as number;
    const after = [];
    for await (const p of ctx.stripe.paymentIntents.list({ created: { gte: pivot }, limit: 100 }))
      after.push(p);
    expect(after).toHaveLength(all.filter((p) => p.created >= pivot).length);
  });

  it('enforces limit 1..100', async () => {
    for (const limit of [0, 101]) {
      const failure = await stripeFailure(ctx.stripe.paymentIntents.list({ limit }));
      expect(failure.statusCode).toBe(400);
      expect(failure.param).toBe('limit');
    }
  });
});

describe('Stripe PaymentIntents: search', () => {
  it("returns every payment of customers OR'ed in one query, paging with next_page", async () => {
    const chosen = customersByPayments().slice(0, 10);
    const query = chosen.map((c) => `customer:'${c.id}'`).join(' OR ');
    const expected = chosen.reduce((sum, c) => sum + c.payments, 0);
    const first = await ctx.stripe.paymentIntents.search({ query, limit: 100 });
    expect(first).toMatchObject({ object: 'search_result', url: '/v1/payment_intents/search' });
    expect(first.data).toHaveLength(Math.min(expected, 100));
    const seen: Stripe.PaymentIntent[] = [];
    let page: string | undefined;
    let calls = 0;
    do {
      const result = await ctx.stripe.paymentIntents.search({ query, limit: 7, page });
      seen.push(...result.data);
      page = result.next_page ?? undefined;
      expect(result.has_more).toBe(result.next_page !== null);
      calls += 1;
    } while (page);
    expect(calls).toBe(Math.ceil(expected / 7));
    expect(new Set(seen.map((p) => p.id)).size).toBe(expected);
    const ids = new Set(chosen.map((c) => c.id));
    expect(seen.every((p) => ids.has(p.customer as string))).toBe(true);
  });

  it('combines clauses with AND (implicit or explicit) and supports negation and ranges', async () => {
    const { id } = customersByPayments()[0] as { id: string };
    const succeeded = await ctx.stripe.paymentIntents.search({
      query: `customer:'${id}' AND status:'succeeded'`,
    });
    const implicit = await ctx.stripe.paymentIntents.search({
      query: `customer:'${id}' status:'succeeded'`,
    });
    expect(implicit.data.map((p) => p.id)).toEqual(succeeded.data.map((p) => p.id));
    expect(succeeded.data.every((p) => p.status === 'succeeded')).toBe(true);
    const others = await ctx.stripe.paymentIntents.search({
      query: `customer:'${id}' AND -status:'succeeded'`,
    });
    const all = await ctx.stripe.paymentIntents.list({ customer: id, limit: 100 });
    expect(succeeded.data.length + others.data.length).toBe(all.data.length);
    const big = await ctx.stripe.paymentIntents.search({ query: 'amount>=100000', limit: 100 });
    expect(big.data.every((p) => p.amount >= 100000)).toBe(true);
  });

  it('allows 10 clauses and refuses 11', async () => {
    const clauses = customersByPayments()
      .slice(0, 11)
      .map((c) => `customer:'${c.id}'`);
    await expect(
      ctx.stripe.paymentIntents.search({ query: clauses.slice(0, 10).join(' OR ') }),
    ).resolves.toMatchObject({ object: 'search_result' });
    const failure = await stripeFailure(
      ctx.stripe.paymentIntents.search({ query: clauses.join(' OR ') }),
    );
    expect(failure.statusCode).toBe(400);
    expect(failure.param).toBe('query');
    expect(failure.raw).toMatchObject({ type: 'invalid_request_error' });
  });

  it('refuses substring and range operators on token fields', async () => {
    for (const query of ["customer~'cus_'", "status>'a'"]) {
      const failure = await stripeFailure(ctx.stripe.paymentIntents.search({ query }));
      expect(failure.statusCode).toBe(400);
      expect(failure.param).toBe('query');
    }
  });
});

describe('Stripe PaymentIntents: create, confirm, cancel', () => {
  it('creates a payment in minor units that succeeds with pm_card_visa', async () => {
    const { id } = customersByPayments()[0] as { id: string };
    const intent = await ctx.stripe.paymentIntents.create({
      amount: 12345,
      currency: 'EUR',
      customer: id,
      payment_method: 'pm_card_visa',
      confirm: true,
      metadata: { order: 'A-1' },
    });
    expect(intent).toMatchObject({
      object: 'payment_intent',
      amount: 12345,
      amount_received: 12345,
      currency: 'eur',
      customer: id,
      status: 'succeeded',
      metadata: { order: 'A-1' },
      latest_charge: expect.stringMatching(/^ch_/),
    });
    expect(intent.client_secret).toMatch(new RegExp(`^${intent.id}_secret_`));
    const fetched = await ctx.stripe.paymentIntents.retrieve(intent.id, { expand: ['customer'] });
    expect(fetched.customer).toMatchObject({ id, object: 'customer' });
  });

  it('answers a declined card with 402 card_error and keeps the failed intent', async () => {
    const failure = await stripeFailure(
      ctx.stripe.paymentIntents.create({
        amount: 5000,
        currency: 'usd',
        payment_method: 'pm_card_chargeDeclined',
        confirm: true,
      }),
    );
    expect(failure).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(failure.statusCode).toBe(402);
    expect(failure.code).toBe('card_declined');
    const failed = await ctx.stripe.paymentIntents.search({
      query: "status:'requires_payment_method' AND amount:5000",
    });
    expect(failed.data.some((p) => p.last_payment_error?.code === 'card_declined')).toBe(true);
  });

  it('validates amount, currency and customer', async () => {
    const cases: Array<[Stripe.PaymentIntentCreateParams, string, string]> = [
      [{ currency: 'usd' } as Stripe.PaymentIntentCreateParams, 'amount', 'parameter_missing'],
      [{ amount: 10, currency: 'usd' }, 'amount', 'amount_too_small'],
      [{ amount: 1000, currency: 'xyz' }, 'currency', ''],
      [{ amount: 1000, currency: 'usd', customer: 'cus_nobody' }, 'customer', 'resource_missing'],
    ];
    for (const [params, param, code] of cases) {
      const failure = await stripeFailure(ctx.stripe.paymentIntents.create(params));
      expect(failure.param).toBe(param);
      expect(failure.statusCode).toBe(400);
      if (code) expect(failure.code).toBe(code);
      expect(failure.raw).toMatchObject({ type: 'invalid_request_error' });
    }
    const failure = await stripeFailure(
      ctx.stripe.rawRequest('POST', '/v1/payment_intents', { amount: 'ten', currency: 'usd' }),
    );
    expect(failure.code).toBe('parameter_invalid_integer');
  });

  it('cancels an unconfirmed intent and refuses to cancel a succeeded one', async () => {
    const open = await ctx.stripe.paymentIntents.create({ amount: 2000, currency: 'gbp' });
    expect(open.status).toBe('requires_payment_method');
    const canceled = await ctx.stripe.paymentIntents.cancel(open.id, {
      cancellation_reason: 'abandoned',
    });
    expect(canceled).toMatchObject({ status: 'canceled', cancellation_reason: 'abandoned' });
    expect(canceled.canceled_at).toEqual(expect.any(Number));
    const done = ctx.target.emulator.store.paymentIntents
      .newestFirst()
      .find((p) => p.status === 'succeeded');
    const failure = await stripeFailure(ctx.stripe.paymentIntents.cancel(done?.id as string));
    expect(failure.statusCode).toBe(400);
    expect(failure.code).toBe('payment_intent_unexpected_state');
    const missing = await stripeFailure(ctx.stripe.paymentIntents.retrieve('pi_missing'));
    expect(missing.statusCode).toBe(404);
    expect((missing.raw as { message: string }).message).toBe(
      "No such payment_intent: 'pi_missing'",
    );
  });
});
