import Stripe from 'stripe';
import { stripeFailure, useStripeContractFile } from '../../helpers/stripe-emulator';

const ctx = useStripeContractFile();

function charge(intent: Stripe.PaymentIntent): Stripe.Charge {
  const latest = intent.latest_charge;
  if (latest === null || typeof latest === 'string') throw new Error('latest_charge not expanded');
  return latest;
}

describe('Stripe PaymentIntents: expand latest_charge', () => {
  it('expands data.latest_charge on search: paid charges have a receipt, refunds show', async () => {
    const store = ctx.target.emulator.store;
    const refund = store.refunds.newestFirst()[0] as { payment_intent: string };
    const intent = store.paymentIntents.get(refund.payment_intent);
    const customer = intent?.customer as string;
    const found = await ctx.stripe.paymentIntents.search({
      query: `customer:'${customer}'`,
      limit: 100,
      expand: ['data.latest_charge'],
    });
    expect(found.data.length).toBeGreaterThan(0);
    for (const p of found.data) {
      if (p.latest_charge === null) continue;
      const c = charge(p);
      const refunded = store
        .refundsOf(p.id)
        .filter((r) => r.status !== 'failed')
        .reduce((sum, r) => sum + r.amount, 0);
      expect(c).toMatchObject({
        object: 'charge',
        payment_intent: p.id,
        customer,
        currency: p.currency,
        paid: p.status === 'succeeded',
        amount_refunded: refunded,
        refunded: p.status === 'succeeded' && refunded >= p.amount_received,
      });
      expect(c.receipt_url === null).toBe(p.status !== 'succeeded');
      if (p.status === 'requires_payment_method') expect(c.status).toBe('failed');
    }
    const withRefund = found.data.find(
      (p) => p.id === refund.payment_intent,
    ) as Stripe.PaymentIntent;
    expect(charge(withRefund).amount_refunded).toBeGreaterThan(0);
  });

  it('expands latest_charge on retrieve and follows a full refund', async () => {
    const store = ctx.target.emulator.store;
    const paid = store.paymentIntents
      .newestFirst()
      .find((p) => p.status === 'succeeded' && store.refundsOf(p.id).length === 0);
    const id = paid?.id as string;
    const before = await ctx.stripe.paymentIntents.retrieve(id, { expand: ['latest_charge'] });
    expect(charge(before)).toMatchObject({ refunded: false, amount_refunded: 0, paid: true });
    await ctx.stripe.refunds.create({ payment_intent: id });
    const after = await ctx.stripe.paymentIntents.retrieve(id, { expand: ['latest_charge'] });
    expect(charge(after)).toMatchObject({ refunded: true, amount_refunded: after.amount_received });
    const plain = await ctx.stripe.paymentIntents.retrieve(id);
    expect(typeof plain.latest_charge).toBe('string');
  });

  it('refuses expansions it does not know', async () => {
    const failure = await stripeFailure(
      ctx.stripe.paymentIntents.search({ query: "status:'succeeded'", expand: ['data.invoice'] }),
    );
    expect(failure.statusCode).toBe(400);
    expect(failure.param).toBe('expand');
  });
});
