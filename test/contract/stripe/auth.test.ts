import Stripe from 'stripe';
import { startStripeTarget, stripeFailure, type StripeTarget } from '../../helpers/stripe-emulator';

let target: StripeTarget;
beforeAll(async () => {
  target = await startStripeTarget({ apiKeys: ['sk_test_contract_key_1234'] });
});

describe('Stripe API-key authentication', () => {
  it('refuses a request without a key: 401 with the invalid_request_error body', async () => {
    // An authenticator that adds no Authorization header is how stripe-node sends no key.
    const anonymous = target.client({ authenticator: async () => undefined }, '');
    const failure = await stripeFailure(anonymous.customers.list({ limit: 1 }));
    expect(failure).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(failure.statusCode).toBe(401);
    expect(failure.raw).toMatchObject({
      type: 'invalid_request_error',
      message: expect.stringMatching(/^You did not provide an API key/),
    });
  });

  it('refuses a wrong key with api_key_invalid and echoes only its last four characters', async () => {
    const wrong = target.client({}, 'sk_test_not_the_right_key_9876');
    const failure = await stripeFailure(wrong.paymentIntents.list());
    expect(failure).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(failure.statusCode).toBe(401);
    expect(failure.code).toBe('api_key_invalid');
    expect(failure.raw).toMatchObject({ type: 'invalid_request_error' });
    expect((failure.raw as { message: string }).message).toMatch(
      /^Invalid API Key provided: sk_test_\*+9876$/,
    );
    expect(failure.message).not.toContain('not_the_right');
  });

  it('serves a configured key, counts only served calls and the refusals apart', async () => {
    const stripe = target.client({}, 'sk_test_contract_key_1234');
    await target.admin.resetStats();
    await stripe.customers.list({ limit: 1 });
    await stripeFailure(target.client({}, 'sk_test_wrong').customers.list({ limit: 1 }));
    const stats = await target.admin.stats();
    expect(stats.total).toBe(1);
    expect(stats.byEndpoint).toEqual({ 'GET /v1/customers': 1 });
    expect(stats.rejected.unauthorized).toBe(1);
  });

  it('answers an unknown URL with 404 and Stripe’s unrecognized-URL message', async () => {
    const stripe = target.client({}, 'sk_test_contract_key_1234');
    const failure = await stripeFailure(stripe.rawRequest('GET', '/v1/no_such_things'));
    expect(failure.statusCode).toBe(404);
    expect(failure.type).toBe('StripeInvalidRequestError');
    expect((failure.raw as { message: string }).message).toBe(
      'Unrecognized request URL (GET: /v1/no_such_things). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.',
    );
  });
});
