import Stripe from 'stripe';
import { stripeFailure, useStripeContractFile } from '../../helpers/stripe-emulator';

const ctx = useStripeContractFile();

describe('Stripe Idempotency-Key', () => {
  it('replays the first response for the same key and the same parameters', async () => {
    const params = { name: 'Once Only Inc', metadata: { salesforce_account_id: '001ONCE' } };
    const first = await ctx.stripe.customers.create(params, { idempotencyKey: 'contract-key-1' });
    const before = ctx.target.emulator.store.customers.size();
    const again = await ctx.stripe.customers.create(
      { metadata: { salesforce_account_id: '001ONCE' }, name: 'Once Only Inc' },
      { idempotencyKey: 'contract-key-1' },
    );
    expect(again.id).toBe(first.id);
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(again.lastResponse.idempotencyKey).toBe('contract-key-1');
    expect(ctx.target.emulator.store.customers.size()).toBe(before);
  });

  it('refuses the same key with other parameters: 400 idempotency_error', async () => {
    await ctx.stripe.paymentIntents.create(
      { amount: 1000, currency: 'usd' },
      { idempotencyKey: 'contract-key-2' },
    );
    const failure = await stripeFailure(
      ctx.stripe.paymentIntents.create(
        { amount: 2000, currency: 'usd' },
        { idempotencyKey: 'contract-key-2' },
      ),
    );
    expect(failure).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(failure.statusCode).toBe(400);
    expect(failure.raw).toMatchObject({
      type: 'idempotency_error',
      message: expect.stringContaining("Try using a key other than 'contract-key-2'"),
    });
  });

  it('does not save a validation failure, so a corrected request with the key runs', async () => {
    const bad = await stripeFailure(
      ctx.stripe.paymentIntents.create({ amount: 1, currency: 'usd' }, { idempotencyKey: 'k-3' }),
    );
    expect(bad.code).toBe('amount_too_small');
    const bad2 = await stripeFailure(
      ctx.stripe.paymentIntents.create({ amount: 1, currency: 'usd' }, { idempotencyKey: 'k-3' }),
    );
    expect(bad2.code).toBe('amount_too_small');
  });

  it('scopes keys to the endpoint: the same key on another path is an idempotency_error', async () => {
    await ctx.stripe.customers.create({ name: 'A' }, { idempotencyKey: 'k-4' });
    const failure = await stripeFailure(
      ctx.stripe.paymentIntents.create(
        { amount: 1000, currency: 'usd' },
        { idempotencyKey: 'k-4' },
      ),
    );
    expect(failure).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
  });

  it('every POST without a key gets its own (stripe-node sends one) and creates anew', async () => {
    const a = await ctx.stripe.customers.create({ name: 'Twin' });
    const b = await ctx.stripe.customers.create({ name: 'Twin' });
    expect(a.id).not.toBe(b.id);
  });
});
