import type { TriggerReply } from '../../http-kit/admin-routes';
import type { SeededRandom } from '../../seed';
import { chargeOf } from '../api/expansion';
import { newPaymentIntent, type PaymentIntentObject } from '../model/stripe-objects';
import type { StripeStore } from '../model/stripe-store';
import { SALESFORCE_ACCOUNT_ID_KEY } from '../seed';
import { STRIPE_EVENT_TYPES, type StripeEventSink, type StripeEventType } from './stripe-events';

const bad = (error: string, status = 400): TriggerReply => ({ status, body: { error } });

/**
 * `POST /__emulator/webhooks/trigger`. `{"type": "payment_intent.succeeded", "customer"?,
 * "amount"?}` records a new succeeded payment (a random customer linked to Salesforce when
 * none is named) and sends its event; `{"type", "id": "pi_..."}` re-sends that event for an
 * existing PaymentIntent. Answers `{id, eventId}` (eventId null when no target is set).
 */
export function triggerStripeWebhook(
  store: StripeStore,
  events: StripeEventSink,
  rng: SeededRandom,
  body: Record<string, unknown>,
): TriggerReply {
  const type = body.type ?? 'payment_intent.succeeded';
  if (typeof type !== 'string' || !STRIPE_EVENT_TYPES.includes(type as StripeEventType))
    return bad(`type must be one of ${STRIPE_EVENT_TYPES.join(', ')}`);
  const eventType = type as StripeEventType;
  if (body.id !== undefined) {
    if (typeof body.id !== 'string') return bad('id must be a PaymentIntent id');
    const intent = store.paymentIntents.get(body.id);
    if (!intent) return bad(`no PaymentIntent ${body.id}`, 404);
    return resend(store, events, eventType, intent);
  }
  if (eventType !== 'payment_intent.succeeded')
    return bad(`id is required to send ${eventType} (only payment_intent.succeeded creates one)`);
  const customer = pickCustomer(store, rng, body.customer);
  if (typeof customer === 'string') return bad(customer, customer.startsWith('no ') ? 404 : 400);
  const amount = body.amount ?? rng.int(10, 2000) * 100;
  if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 50)
    return bad('amount must be an integer of at least 50 (minor units)');
  const intent = newPaymentIntent(
    {
      id: store.newId('pi'),
      created: store.nowSeconds(),
      amount,
      currency: customer.currency ?? 'usd',
      status: 'succeeded',
      customer: customer.id,
      description: 'Payment recorded by the emulator trigger',
      payment_method: 'pm_card_visa',
    },
    store.newId('secret', 24).slice(7),
  );
  intent.latest_charge = store.newId('ch');
  store.paymentIntents.insert(intent);
  const eventId = events.publish('payment_intent.succeeded', intent) ?? null;
  return { status: 200, body: { id: intent.id, type: eventType, eventId } };
}

function resend(
  store: StripeStore,
  events: StripeEventSink,
  type: StripeEventType,
  intent: PaymentIntentObject,
): TriggerReply {
  if (type === 'charge.refunded') {
    if (intent.latest_charge === null) return bad(`${intent.id} has no charge`);
    const eventId = events.publish(type, chargeOf(intent, intent.latest_charge, store)) ?? null;
    return { status: 200, body: { id: intent.latest_charge, type, eventId } };
  }
  const eventId = events.publish(type, intent) ?? null;
  return { status: 200, body: { id: intent.id, type, eventId } };
}

function pickCustomer(store: StripeStore, rng: SeededRandom, requested: unknown) {
  if (requested !== undefined) {
    if (typeof requested !== 'string') return 'customer must be a customer id';
    return store.customers.get(requested) ?? `no customer ${requested}`;
  }
  const all = store.customers.newestFirst();
  // A customer linked to a Salesforce account, so the demo's feed has an account to show it on.
  const linked = all.filter((c) => c.metadata[SALESFORCE_ACCOUNT_ID_KEY] !== undefined);
  const pool = linked.length > 0 ? linked : all;
  return pool.length > 0 ? rng.pick(pool) : 'no customers to pay';
}
