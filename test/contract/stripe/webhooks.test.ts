import Stripe from 'stripe';
import { startStripeTarget, stripeFailure, type StripeTarget } from '../../helpers/stripe-emulator';
import { EMULATED_API_VERSION } from '../../../src/emulators/stripe/emulator-options';
import {
  refusingUrl,
  startWebhookReceiver,
  webhookAdmin,
  type ReceivedWebhook,
  type WebhookReceiver,
} from '../../helpers/webhook-receiver';

// The emulator's outgoing webhooks, checked with stripe-node's own verifier
// (`stripe.webhooks.constructEvent`: https://docs.stripe.com/webhooks#verify-official-libraries).
const SECRET = 'whsec_emulator_test_secret';

let target: StripeTarget;
let stripe: Stripe;
let receiver: WebhookReceiver;
let admin: ReturnType<typeof webhookAdmin>;

beforeAll(async () => {
  target = await startStripeTarget();
  stripe = target.client();
  admin = webhookAdmin(target.emulator.url);
});

beforeEach(async () => {
  receiver = await startWebhookReceiver();
  target.emulator.configureWebhooks({ url: receiver.url, secret: SECRET });
  target.emulator.webhooks.resetStats();
});

afterEach(async () => {
  target.emulator.configureWebhooks(undefined);
  await target.emulator.webhooks.idle();
  await target.admin.reset();
});

function verified(request: ReceivedWebhook): Stripe.Event {
  return stripe.webhooks.constructEvent(
    request.rawBody,
    request.headers['stripe-signature'] as string,
    SECRET,
  );
}

describe('Stripe emulator webhooks', () => {
  it('sends payment_intent.created then .succeeded for a confirmed create, signed as Stripe signs', async () => {
    const [customer] = (await stripe.customers.list({ limit: 1 })).data;
    const intent = await stripe.paymentIntents.create({
      amount: 4200,
      currency: 'usd',
      customer: customer?.id,
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    const [created, succeeded] = (await receiver.waitForDelivered(2)).map(verified);
    expect(created).toMatchObject({
      object: 'event',
      type: 'payment_intent.created',
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      data: { object: { id: intent.id, status: 'requires_confirmation' } },
    });
    expect(created?.id).toMatch(/^evt_\w{24}$/);
    expect(succeeded?.type).toBe('payment_intent.succeeded');
    expect(succeeded?.api_version).toBe(EMULATED_API_VERSION);
    // The event carries the PaymentIntent exactly as the API returns it.
    expect(succeeded?.data.object).toEqual(
      JSON.parse(JSON.stringify(await stripe.paymentIntents.retrieve(intent.id))),
    );
    expect(created?.id).not.toBe(succeeded?.id);
    expect(receiver.requests[0]?.headers['content-type']).toMatch(/^application\/json/);
  });

  it('fails verification for a tampered body or another secret', async () => {
    await stripe.paymentIntents.create({ amount: 900, currency: 'usd' });
    const [request] = await receiver.waitForDelivered(1);
    const header = request?.headers['stripe-signature'] as string;
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const tampered = (request?.rawBody ?? '').replace('"amount": 900', '"amount": 1');
    expect(tampered).not.toBe(request?.rawBody);
    expect(() => stripe.webhooks.constructEvent(tampered, header, SECRET)).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
    expect(() =>
      stripe.webhooks.constructEvent(request?.rawBody ?? '', header, 'whsec_other'),
    ).toThrow(Stripe.errors.StripeSignatureVerificationError);
  });

  it('sends canceled, payment_failed and charge.refunded for those changes', async () => {
    const pending = await stripe.paymentIntents.create({ amount: 700, currency: 'usd' });
    await stripe.paymentIntents.cancel(pending.id);
    const declined = await stripe.paymentIntents.create({ amount: 800, currency: 'usd' });
    const failure = await stripeFailure(
      stripe.paymentIntents.confirm(declined.id, { payment_method: 'pm_card_chargeDeclined' }),
    );
    expect(failure.statusCode).toBe(402);
    const paid = await stripe.paymentIntents.create({
      amount: 1500,
      currency: 'usd',
      payment_method: 'pm_card_visa',
    });
    await stripe.paymentIntents.confirm(paid.id);
    await stripe.refunds.create({ payment_intent: paid.id, amount: 500 });
    const events = (await receiver.waitForDelivered(7)).map(verified);
    expect(events.map((e) => e.type)).toEqual([
      'payment_intent.created',
      'payment_intent.canceled',
      'payment_intent.created',
      'payment_intent.payment_failed',
      'payment_intent.created',
      'payment_intent.succeeded',
      'charge.refunded',
    ]);
    expect(events[1]?.data.object).toMatchObject({ id: pending.id, status: 'canceled' });
    expect(events[3]?.data.object).toMatchObject({
      id: declined.id,
      last_payment_error: { code: 'card_declined' },
    });
    expect(events[6]?.data.object).toMatchObject({
      object: 'charge',
      payment_intent: paid.id,
      amount_refunded: 500,
      refunded: false,
    });
  });

  it('retries 5xx then delivers, gives up after the last retry or on a 4xx, and counts it all', async () => {
    receiver.answerNext(500, 503);
    const intent = await stripe.paymentIntents.create({ amount: 600, currency: 'usd' });
    const [delivered] = await receiver.waitForDelivered(1);
    await target.emulator.webhooks.idle();
    expect(receiver.requests.map((r) => r.status)).toEqual([500, 503, 200]);
    // Each attempt is signed anew, and the body is the same event.
    expect(new Set(receiver.requests.map((r) => r.rawBody)).size).toBe(1);
    expect(verified(delivered as ReceivedWebhook).data.object).toMatchObject({ id: intent.id });
    expect(await admin.status()).toEqual({
      url: receiver.url,
      sent: 1,
      failed: 0,
      retried: 2,
      lastStatus: 200,
      pending: 0,
    });

    // Four 500s: every retry spent, the delivery fails.
    receiver.answerNext(500, 500, 500, 500);
    await stripe.paymentIntents.create({ amount: 600, currency: 'usd' });
    await target.emulator.webhooks.idle();
    expect(await admin.status()).toMatchObject({ sent: 1, failed: 1, retried: 5, lastStatus: 500 });
    // A 4xx is final: no retry.
    receiver.answerNext(400);
    await stripe.paymentIntents.create({ amount: 600, currency: 'usd' });
    await target.emulator.webhooks.idle();
    expect(await admin.status()).toMatchObject({ sent: 1, failed: 2, retried: 5, lastStatus: 400 });
    expect(receiver.requests).toHaveLength(8);
  });

  it('sends nothing again for an idempotent replay', async () => {
    const params = { amount: 1200, currency: 'usd', payment_method: 'pm_card_visa', confirm: true };
    const first = await stripe.paymentIntents.create(params, { idempotencyKey: 'hook-once' });
    const replay = await stripe.paymentIntents.create(params, { idempotencyKey: 'hook-once' });
    expect(replay.id).toBe(first.id);
    // A later change's event follows the two of the first call directly.
    const later = await stripe.paymentIntents.create({ amount: 1300, currency: 'usd' });
    const events = (await receiver.waitForDelivered(3)).map(verified);
    await target.emulator.webhooks.idle();
    expect(receiver.requests).toHaveLength(3);
    expect(events.map((e) => [e.type, (e.data.object as { id: string }).id])).toEqual([
      ['payment_intent.created', first.id],
      ['payment_intent.succeeded', first.id],
      ['payment_intent.created', later.id],
    ]);
  });

  it('fails a delivery whose every attempt is refused, with no status', async () => {
    target.emulator.configureWebhooks({ url: await refusingUrl(), secret: SECRET });
    await stripe.paymentIntents.create({ amount: 600, currency: 'usd' });
    await target.emulator.webhooks.idle();
    expect(target.emulator.webhooks.status()).toMatchObject({
      sent: 0,
      failed: 1,
      retried: 3,
      lastStatus: null,
    });
  });

  it('answers the API call while its event is still undelivered', async () => {
    receiver.hold();
    await stripe.paymentIntents.create({ amount: 600, currency: 'usd' });
    await stripe.paymentIntents.create({ amount: 700, currency: 'usd' });
    // Both replies came back while the receiver holds the first delivery unanswered.
    expect(target.emulator.webhooks.status().pending).toBe(2);
    receiver.release();
    await receiver.waitForDelivered(2);
    expect(
      receiver.requests.map((r) => (verified(r).data.object as { amount: number }).amount),
    ).toEqual([600, 700]);
  });

  it('is configured over the admin API, which never shows the secret', async () => {
    target.emulator.configureWebhooks(undefined);
    const configured = await admin.configure({ url: receiver.url, secret: 'whsec_admin' });
    expect(configured.status).toBe(200);
    expect(JSON.stringify(configured.body)).not.toContain('whsec_admin');
    const status = await admin.status();
    expect(status.url).toBe(receiver.url);
    expect(JSON.stringify(status)).not.toContain('whsec_admin');
    await stripe.paymentIntents.create({ amount: 600, currency: 'usd' });
    const [request] = await receiver.waitForDelivered(1);
    expect(() =>
      stripe.webhooks.constructEvent(
        request?.rawBody ?? '',
        request?.headers['stripe-signature'] as string,
        'whsec_admin',
      ),
    ).not.toThrow();

    expect((await admin.configure({ url: 'ftp://x', secret: 's' })).status).toBe(400);
    expect((await admin.configure({ url: receiver.url })).body).toEqual({
      error: 'secret must be a non-empty string',
    });
    expect((await admin.configure({ url: null })).body).toMatchObject({ url: null });
  });

  it('sends nothing while no target is set', async () => {
    target.emulator.configureWebhooks(undefined);
    const silent = await stripe.paymentIntents.create({ amount: 600, currency: 'usd' });
    await stripe.paymentIntents.cancel(silent.id);
    expect((await admin.trigger({})).body).toMatchObject({ eventId: null });
    await target.emulator.webhooks.idle();
    expect(target.emulator.webhooks.status()).toMatchObject({ url: null, sent: 0, pending: 0 });
    // Set again, the first request the receiver sees is the next change's.
    target.emulator.configureWebhooks({ url: receiver.url, secret: SECRET });
    const next = await stripe.paymentIntents.create({ amount: 650, currency: 'usd' });
    const [first] = await receiver.waitForDelivered(1);
    expect(receiver.requests).toHaveLength(1);
    expect(verified(first as ReceivedWebhook).data.object).toMatchObject({ id: next.id });
  });

  it('triggers a new succeeded payment, or re-sends an existing intent’s event', async () => {
    const [customer] = (await stripe.customers.list({ limit: 1 })).data;
    const made = await admin.trigger({
      type: 'payment_intent.succeeded',
      customer: customer?.id,
      amount: 12_300,
    });
    expect(made.status).toBe(200);
    const [event] = (await receiver.waitForDelivered(1)).map(verified);
    expect(made.body).toEqual({
      id: event?.data.object && (event.data.object as { id: string }).id,
      type: 'payment_intent.succeeded',
      eventId: event?.id,
    });
    const stored = await stripe.paymentIntents.retrieve(made.body.id as string);
    expect(stored).toMatchObject({ status: 'succeeded', amount: 12_300, customer: customer?.id });
    expect(event?.data.object).toEqual(JSON.parse(JSON.stringify(stored)));

    const random = await admin.trigger({});
    const randomIntent = await stripe.paymentIntents.retrieve(random.body.id as string);
    expect(randomIntent.status).toBe('succeeded');
    expect(randomIntent.customer).toEqual(expect.stringMatching(/^cus_/));

    const again = await admin.trigger({ type: 'payment_intent.succeeded', id: made.body.id });
    const events = (await receiver.waitForDelivered(3)).map(verified);
    expect(events[2]).toMatchObject({
      id: again.body.eventId,
      data: { object: { id: made.body.id } },
    });

    expect((await admin.trigger({ type: 'payment_intent.succeeded', id: 'pi_nope' })).status).toBe(
      404,
    );
    expect((await admin.trigger({ type: 'invoice.paid' })).status).toBe(400);
    expect((await admin.trigger({ type: 'payment_intent.canceled' })).status).toBe(400);
    expect((await admin.trigger({ customer: 'cus_nope' })).status).toBe(404);
  });
});
