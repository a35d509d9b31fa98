import Stripe from 'stripe';
import { isRecord } from '../../lib/is-record';
import { WebhookRejectedError, singleHeader } from '../linked/webhook-verification';
import { toPaymentRecord, type StripePaymentRecord } from './stripe-records';

type HeaderBag = Readonly<Record<string, string | string[] | undefined>>;

/** Stripe's own tolerance (https://docs.stripe.com/webhooks#replay-attacks): 300 s. */
export const STRIPE_WEBHOOK_TOLERANCE_SECONDS = 300;

/** The events `paymentReceived` is fed by: the money arrived. */
export const PAYMENT_RECEIVED_EVENT_TYPES: ReadonlySet<string> = new Set([
  'payment_intent.succeeded',
]);

/** A verified Stripe event, reduced to what the gateway publishes. */
export interface StripeWebhookEvent {
  /** `evt_…`: Stripe retries deliver the same id, so it is the dedupe key. */
  eventId: string;
  type: string;
  /** The PaymentIntent of a `paymentReceived` event; null for every other event type. */
  payment: StripePaymentRecord | null;
}

function isPaymentIntent(value: unknown): value is Stripe.PaymentIntent {
  return (
    isRecord(value) &&
    value.object === 'payment_intent' &&
    typeof value.id === 'string' &&
    typeof value.amount === 'number' &&
    typeof value.currency === 'string' &&
    typeof value.status === 'string' &&
    isRecord(value.metadata)
  );
}

/**
 * Verifies `Stripe-Signature` over the raw bytes with stripe-node's own
 * `webhooks.constructEvent` (HMAC-SHA256 of `t.body`, constant-time compare, 300 s window),
 * then reads the event. Throws WebhookRejectedError; never returns an unverified event.
 */
export function verifyStripeWebhook(
  rawBody: Buffer,
  headers: HeaderBag,
  secret: string,
  options: { toleranceSeconds?: number } = {},
): StripeWebhookEvent {
  const header = singleHeader(headers, 'stripe-signature');
  if (header === undefined) {
    throw new WebhookRejectedError('signature', 'The Stripe-Signature header is missing');
  }
  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(
      rawBody,
      header,
      secret,
      options.toleranceSeconds ?? STRIPE_WEBHOOK_TOLERANCE_SECONDS,
    );
  } catch (err) {
    if (err instanceof Stripe.errors.StripeSignatureVerificationError) {
      // Stripe's message says which check failed (no match, timestamp outside tolerance).
      throw new WebhookRejectedError('signature', err.message);
    }
    throw new WebhookRejectedError('payload', 'The signed body is not a Stripe event');
  }
  const raw: unknown = event;
  if (!isRecord(raw) || typeof raw.id !== 'string' || typeof raw.type !== 'string') {
    throw new WebhookRejectedError('payload', 'The signed body is not a Stripe event');
  }
  if (!PAYMENT_RECEIVED_EVENT_TYPES.has(event.type)) {
    return { eventId: event.id, type: event.type, payment: null };
  }
  const object: unknown = isRecord(raw.data) ? raw.data.object : undefined;
  if (!isPaymentIntent(object)) {
    throw new WebhookRejectedError('payload', `${event.type} carries no PaymentIntent`);
  }
  return { eventId: event.id, type: event.type, payment: toPaymentRecord(object) };
}
