import { createHmac } from 'node:crypto';
import Stripe from 'stripe';
import { verifyQuickBooksWebhook } from '../quickbooks/webhooks';
import { verifyStripeWebhook } from '../stripe/webhooks';
import { verifyZendeskWebhook } from '../zendesk/webhooks';
import { WebhookRejectedError } from './webhook-verification';

const STRIPE_SECRET = 'whsec_unit_test_secret';
const ZENDESK_SECRET = 'zendesk-unit-secret';
const QBO_TOKEN = 'qbo-unit-verifier';

function rejection(fn: () => unknown): WebhookRejectedError['reason'] | 'accepted' {
  try {
    fn();
    return 'accepted';
  } catch (err) {
    if (err instanceof WebhookRejectedError) return err.reason;
    throw err;
  }
}

describe('Stripe', () => {
  const intent = {
    id: 'pi_1',
    object: 'payment_intent',
    amount: 1000,
    amount_received: 1000,
    currency: 'eur',
    status: 'succeeded',
    customer: 'cus_1',
    description: null,
    created: 1_700_000_000,
    metadata: { invoice_number: 'INV-7' },
    latest_charge: null,
    last_payment_error: null,
  };
  const body = JSON.stringify({
    id: 'evt_1',
    object: 'event',
    type: 'payment_intent.succeeded',
    data: { object: intent },
  });
  const sign = (payload: string, timestamp?: number) =>
    Stripe.webhooks.generateTestHeaderString({
      payload,
      secret: STRIPE_SECRET,
      ...(timestamp !== undefined ? { timestamp } : {}),
    });

  it('reads a signed payment_intent.succeeded into a payment record', () => {
    const event = verifyStripeWebhook(
      Buffer.from(body),
      { 'stripe-signature': sign(body) },
      STRIPE_SECRET,
    );
    expect(event).toMatchObject({
      eventId: 'evt_1',
      type: 'payment_intent.succeeded',
      payment: { id: 'pi_1', customerId: 'cus_1', amountReceived: 1000, invoiceNumber: 'INV-7' },
    });
  });

  it('refuses missing, foreign, tampered and stale signatures, and a signed non-event', () => {
    const now = Math.floor(Date.now() / 1000);
    const cases = [
      () => verifyStripeWebhook(Buffer.from(body), {}, STRIPE_SECRET),
      () =>
        verifyStripeWebhook(
          Buffer.from(body),
          { 'stripe-signature': sign(body) },
          'whsec_another_secret',
        ),
      () =>
        verifyStripeWebhook(
          Buffer.from(body.replace('1000', '1001')),
          { 'stripe-signature': sign(body) },
          STRIPE_SECRET,
        ),
      () =>
        verifyStripeWebhook(
          Buffer.from(body),
          { 'stripe-signature': sign(body, now - 301) },
          STRIPE_SECRET,
        ),
    ];
    expect(cases.map(rejection)).toEqual(['signature', 'signature', 'signature', 'signature']);
    const noIntent = JSON.stringify({ id: 'evt_2', type: 'payment_intent.succeeded', data: {} });
    expect(
      rejection(() =>
        verifyStripeWebhook(
          Buffer.from(noIntent),
          { 'stripe-signature': sign(noIntent) },
          STRIPE_SECRET,
        ),
      ),
    ).toBe('payload');
  });

  it('passes other event types through without a payment', () => {
    const other = JSON.stringify({ id: 'evt_3', type: 'charge.refunded', data: { object: {} } });
    expect(
      verifyStripeWebhook(Buffer.from(other), { 'stripe-signature': sign(other) }, STRIPE_SECRET),
    ).toEqual({ eventId: 'evt_3', type: 'charge.refunded', payment: null });
  });
});

describe('Zendesk', () => {
  const body = JSON.stringify({
    type: 'zen:event-type:ticket.status_changed',
    id: 'a1b2',
    time: '2026-01-01T00:00:00Z',
    subject: 'zen:ticket:42',
    detail: { id: '42', status: 'OPEN' },
  });
  const headers = (timestamp: string, payload = body, secret = ZENDESK_SECRET) => ({
    'x-zendesk-webhook-signature': createHmac('sha256', secret)
      .update(timestamp + payload)
      .digest('base64'),
    'x-zendesk-webhook-signature-timestamp': timestamp,
  });
  const at = Date.parse('2026-01-01T00:00:10Z');

  it('verifies timestamp + body and reads the ticket id', () => {
    expect(
      verifyZendeskWebhook(Buffer.from(body), headers('2026-01-01T00:00:00Z'), ZENDESK_SECRET, {
        now: () => at,
      }),
    ).toEqual({ eventId: 'a1b2', type: 'zen:event-type:ticket.status_changed', ticketId: 42 });
  });

  it('refuses a missing, wrong or replayed signature', () => {
    const now = { now: () => at };
    const signed = headers('2026-01-01T00:00:00Z');
    const cases = [
      () => verifyZendeskWebhook(Buffer.from(body), {}, ZENDESK_SECRET, now),
      () =>
        verifyZendeskWebhook(
          Buffer.from(body),
          headers('2026-01-01T00:00:00Z', body, 'other-secret'),
          ZENDESK_SECRET,
          now,
        ),
      // The timestamp is signed: moving it breaks the signature.
      () =>
        verifyZendeskWebhook(
          Buffer.from(body),
          { ...signed, 'x-zendesk-webhook-signature-timestamp': '2026-01-01T00:00:09Z' },
          ZENDESK_SECRET,
          now,
        ),
      () =>
        verifyZendeskWebhook(Buffer.from(body), signed, ZENDESK_SECRET, {
          now: () => at + 301_000,
        }),
    ];
    expect(cases.map(rejection)).toEqual(['signature', 'signature', 'signature', 'signature']);
  });
});

describe('QuickBooks', () => {
  const body = JSON.stringify({
    eventNotifications: [
      {
        realmId: '123',
        dataChangeEvent: {
          entities: [
            { name: 'Invoice', id: '9', operation: 'Update', lastUpdated: '2026-01-01T00:00:00Z' },
            { name: 'Customer', id: '5', operation: 'Create', lastUpdated: '2026-01-01T00:00:01Z' },
          ],
        },
      },
    ],
  });
  const signature = (payload: string, token = QBO_TOKEN) =>
    createHmac('sha256', token).update(payload).digest('base64');

  it('verifies the body and lists one change per entity, keyed realm+entity+id+operation+lastUpdated', () => {
    const changes = verifyQuickBooksWebhook(
      Buffer.from(body),
      { 'intuit-signature': signature(body) },
      QBO_TOKEN,
    );
    expect(changes.map((c) => [c.entity, c.id, c.operation])).toEqual([
      ['Invoice', '9', 'Update'],
      ['Customer', '5', 'Create'],
    ]);
    expect(changes[0]?.dedupeKey).toBe(
      ['123', 'Invoice', '9', 'Update', '2026-01-01T00:00:00Z'].join('\u0000'),
    );
  });

  it('refuses a missing or wrong signature and a signed body of another shape', () => {
    const other = '{"hello":"world"}';
    expect(
      [
        () => verifyQuickBooksWebhook(Buffer.from(body), {}, QBO_TOKEN),
        () =>
          verifyQuickBooksWebhook(
            Buffer.from(body),
            { 'intuit-signature': signature(body, 'wrong') },
            QBO_TOKEN,
          ),
        () =>
          verifyQuickBooksWebhook(
            Buffer.from(other),
            { 'intuit-signature': signature(other) },
            QBO_TOKEN,
          ),
      ].map(rejection),
    ).toEqual(['signature', 'signature', 'payload']);
  });
});
