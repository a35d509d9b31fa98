import { stripeErrors } from '../model/stripe-error';
import type { ChargeObject, PaymentIntentObject } from '../model/stripe-objects';
import type { StripeStore } from '../model/stripe-store';

/**
 * `expand[]`: the paths a response may expand. `prefix` is `data.` for lists and search
 * results, where Stripe expects `data.customer` rather than `customer`.
 */
export function checkExpansions(expand: string[], allowed: readonly string[]): Set<string> {
  for (const path of expand) {
    if (!allowed.includes(path))
      throw stripeErrors.invalidValue('expand', `This property cannot be expanded (${path}).`);
  }
  return new Set(expand);
}

/** A PaymentIntent as a response carries it: `latest_charge` may be expanded into its charge. */
export type PaymentIntentReply = Omit<PaymentIntentObject, 'latest_charge'> & {
  latest_charge: string | ChargeObject | null;
};

export interface PaymentIntentExpansions {
  customer: boolean;
  latestCharge: boolean;
}

/** Which of `customer` and `latest_charge` a request expanded (`data.` prefixed in lists). */
export function paymentIntentExpansions(expand: Set<string>, prefix = ''): PaymentIntentExpansions {
  return {
    customer: expand.has(`${prefix}customer`),
    latestCharge: expand.has(`${prefix}latest_charge`),
  };
}

export function expandPaymentIntent(
  intent: PaymentIntentObject,
  expand: PaymentIntentExpansions,
  store: StripeStore,
): PaymentIntentReply {
  let reply: PaymentIntentReply = intent;
  if (expand.customer && typeof intent.customer === 'string') {
    reply = { ...reply, customer: store.customers.get(intent.customer) ?? intent.customer };
  }
  if (expand.latestCharge && intent.latest_charge !== null) {
    reply = { ...reply, latest_charge: chargeOf(intent, intent.latest_charge, store) };
  }
  return reply;
}

/**
 * The latest charge as Stripe reports it: captured when the intent succeeded, refunded in
 * full once refunds (not failed) reach the captured amount, failed when the intent keeps a
 * payment error, pending otherwise. Only paid charges have a receipt.
 */
export function chargeOf(
  intent: PaymentIntentObject,
  id: string,
  store: StripeStore,
): ChargeObject {
  const paid = intent.status === 'succeeded';
  const failed = !paid && intent.last_payment_error !== null;
  const captured = paid ? intent.amount_received : 0;
  const refunded = paid ? captured - store.refundableAmount(intent) : 0;
  return {
    id,
    object: 'charge',
    amount: intent.amount,
    amount_captured: captured,
    amount_refunded: refunded,
    captured: paid,
    created: intent.created,
    currency: intent.currency,
    customer: typeof intent.customer === 'string' ? intent.customer : (intent.customer?.id ?? null),
    description: intent.description,
    failure_code: failed ? (intent.last_payment_error?.code ?? null) : null,
    failure_message: failed ? (intent.last_payment_error?.message ?? null) : null,
    livemode: false,
    metadata: {},
    paid,
    payment_intent: intent.id,
    receipt_email: intent.receipt_email,
    receipt_number: null,
    receipt_url: paid
      ? `https://pay.stripe.com/receipts/payment/${Buffer.from(id).toString('base64url')}`
      : null,
    refunded: paid && captured > 0 && refunded >= captured,
    status: paid ? 'succeeded' : failed ? 'failed' : 'pending',
  };
}
