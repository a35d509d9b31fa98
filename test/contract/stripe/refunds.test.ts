import Stripe from 'stripe';
import { stripeFailure, useStripeContractFile } from '../../helpers/stripe-emulator';

const ctx = useStripeContractFile();

function unrefundedSucceeded(): Stripe.PaymentIntent {
  const store = ctx.target.emulator.store;
  const intent = store.paymentIntents
    .newestFirst()
    .find((p) => p.status === 'succeeded' && store.refundsOf(p.id).length === 0);
  return intent as unknown as Stripe.PaymentIntent;
}

describe('Stripe refunds', () => {
  it('lists a seeded refunded payment’s refunds by payment_intent', async () => {
    const [refund] = ctx.target.emulator.store.refunds.newestFirst();
    const intent = await ctx.stripe.paymentIntents.retrieve(refund?.payment_intent as string);
    expect(intent.status).toBe('succeeded');
    expect(intent.amount_received).toBe(intent.amount);
    const refunds = await ctx.stripe.refunds.list({ payment_intent: intent.id });
    expect(refunds).toMatchObject({ object: 'list', url: '/v1/refunds', has_more: false });
    expect(refunds.data.map((r) => r.id)).toContain(refund?.id);
    for (const r of refunds.data) {
      expect(r).toMatchObject({
        object: 'refund',
        payment_intent: intent.id,
        charge: intent.latest_charge,
        currency: intent.currency,
        status: 'succeeded',
      });
    }
    const total = refunds.data.reduce((sum, r) => sum + r.amount, 0);
    expect(total).toBeLessThanOrEqual(intent.amount_received);
  });

  it('refunds in part, then the rest, then refuses a third refund', async () => {
    const intent = unrefundedSucceeded();
    const part = await ctx.stripe.refunds.create({
      payment_intent: intent.id,
      amount: 100,
      reason: 'requested_by_customer',
    });
    expect(part).toMatchObject({ amount: 100, currency: intent.currency, status: 'succeeded' });
    const tooMuch = await stripeFailure(
      ctx.stripe.refunds.create({ payment_intent: intent.id, amount: intent.amount }),
    );
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.code).toBe('amount_too_large');
    expect(tooMuch.param).toBe('amount');
    const rest = await ctx.stripe.refunds.create({ payment_intent: intent.id });
    expect(rest.amount).toBe(intent.amount_received - 100);
    const again = await stripeFailure(ctx.stripe.refunds.create({ payment_intent: intent.id }));
    expect(again.code).toBe('charge_already_refunded');
    const listed = await ctx.stripe.refunds.list({ payment_intent: intent.id });
    expect(listed.data.map((r) => r.id)).toEqual([rest.id, part.id]);
    expect((await ctx.stripe.refunds.retrieve(part.id)).amount).toBe(100);
  });

  it('refuses to refund a payment that did not succeed, or an unknown one', async () => {
    const failed = ctx.target.emulator.store.paymentIntents
      .newestFirst()
      .find((p) => p.status === 'requires_payment_method');
    const notRefundable = await stripeFailure(
      ctx.stripe.refunds.create({ payment_intent: failed?.id as string }),
    );
    expect(notRefundable.statusCode).toBe(400);
    expect(notRefundable.code).toBe('charge_not_refundable');
    const unknown = await stripeFailure(
      ctx.stripe.refunds.create({ payment_intent: 'pi_unknown' }),
    );
    expect(unknown.code).toBe('resource_missing');
    expect(unknown.param).toBe('payment_intent');
    const missing = await stripeFailure(ctx.stripe.refunds.retrieve('re_missing'));
    expect(missing.statusCode).toBe(404);
    const none = await stripeFailure(ctx.stripe.refunds.create({}));
    expect(none.code).toBe('parameter_missing');
  });
});
