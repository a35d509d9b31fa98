import { StripeApiError, stripeErrors } from '../model/stripe-error';
import {
  CURRENCY_MINIMUMS,
  isSupportedCurrency,
  newPaymentIntent,
  type PaymentIntentObject,
} from '../model/stripe-objects';
import type { StripeStore } from '../model/stripe-store';
import { compileSearch, type SearchableResource } from '../search/search-fields';
import { parseSearchQuery } from '../search/search-query';
import type { ApiRequest, ApiRoute } from './api-route';
import { createdFilter } from './created-filter';
import { requireCustomer } from './customers.routes';
import {
  checkExpansions,
  expandPaymentIntent,
  paymentIntentExpansions,
  type PaymentIntentReply,
} from './expansion';
import { listPage, searchPage } from './pagination';
import type { RequestParams } from './request-params';
import type { StripeEventSink } from '../webhooks/stripe-events';

/** Query fields for PaymentIntents (https://docs.stripe.com/search#query-fields-for-payment-intents). */
export const PAYMENT_INTENT_SEARCH: SearchableResource<PaymentIntentObject> = {
  resource: 'payment_intents',
  fields: {
    amount: { kind: 'number', read: (p) => p.amount },
    created: { kind: 'number', read: (p) => p.created },
    currency: { kind: 'token', read: (p) => p.currency },
    customer: {
      kind: 'token',
      read: (p) => (typeof p.customer === 'object' && p.customer ? p.customer.id : p.customer),
    },
    status: { kind: 'token', read: (p) => p.status },
  },
  metadata: (p) => p.metadata,
};

/** Test payment methods (https://docs.stripe.com/testing#cards) the emulator understands. */
const DECLINING_METHODS = new Set(['pm_card_chargeDeclined', 'pm_card_visa_chargeDeclined']);

export function requirePaymentIntent(
  store: StripeStore,
  id: string,
  param = 'id',
): PaymentIntentObject {
  const intent = store.paymentIntents.get(id);
  if (!intent) throw stripeErrors.noSuchObject('payment_intent', id, param);
  return intent;
}

function readCurrency(params: RequestParams): string {
  const currency = params.requiredString('currency').toLowerCase();
  if (!isSupportedCurrency(currency)) {
    throw stripeErrors.invalidValue(
      'currency',
      `Invalid currency: ${currency}. Stripe currently supports these currencies: ${Object.keys(CURRENCY_MINIMUMS).join(', ')}`,
    );
  }
  return currency;
}

function createPaymentIntent({ store, params, events }: ApiRequest): PaymentIntentReply {
  const amount = params.requiredInteger('amount');
  const currency = readCurrency(params);
  const minimum = CURRENCY_MINIMUMS[currency] ?? 50;
  if (amount < minimum) {
    throw stripeErrors.invalidValue(
      'amount',
      `Amount must be at least ${minimum} ${currency} minor units`,
      'amount_too_small',
    );
  }
  const customerId = params.string('customer');
  if (customerId !== undefined) requireCustomer(store, customerId, 'customer');
  const paymentMethod = params.string('payment_method');
  const confirm = params.boolean('confirm') ?? false;
  const description = params.nullableString('description') ?? null;
  const receiptEmail = params.nullableString('receipt_email') ?? null;
  const metadata = params.metadataUpdate({}) ?? {};
  const expand = checkExpansions(params.stringList('expand'), ['customer', 'latest_charge']);
  params.assertNoneLeft();
  if (confirm && paymentMethod === undefined) {
    throw stripeErrors.invalidValue(
      'payment_method',
      "You cannot confirm this PaymentIntent because it's missing a payment method. You can either update the PaymentIntent with a payment method and then confirm it again, or confirm it again directly with a payment method.",
      'payment_intent_unexpected_state',
    );
  }
  const id = store.newId('pi');
  const intent = newPaymentIntent(
    {
      id,
      created: store.nowSeconds(),
      amount,
      currency,
      status: paymentMethod === undefined ? 'requires_payment_method' : 'requires_confirmation',
      customer: customerId ?? null,
      description,
      receipt_email: receiptEmail,
      metadata,
      payment_method: paymentMethod ?? null,
    },
    store.newId('secret', 24).slice(7),
  );
  store.paymentIntents.insert(intent);
  events.publish('payment_intent.created', intent);
  if (confirm) confirmIntent(store, events, intent);
  return expandPaymentIntent(intent, paymentIntentExpansions(expand), store);
}

/**
 * `POST /v1/payment_intents/:id/confirm`, optionally with the payment method: only an intent
 * that awaits a method or a confirmation can be confirmed.
 */
function confirmPaymentIntent({
  store,
  params,
  pathParams,
  events,
}: ApiRequest): PaymentIntentReply {
  const intent = requirePaymentIntent(store, pathParams.id as string);
  const paymentMethod = params.string('payment_method');
  const expand = checkExpansions(params.stringList('expand'), ['customer', 'latest_charge']);
  params.assertNoneLeft();
  if (intent.status !== 'requires_payment_method' && intent.status !== 'requires_confirmation') {
    throw stripeErrors.invalidValue(
      'intent',
      `You cannot confirm this PaymentIntent because it has a status of ${intent.status}.`,
      'payment_intent_unexpected_state',
    );
  }
  if (paymentMethod !== undefined) intent.payment_method = paymentMethod;
  if (intent.payment_method === null) {
    throw stripeErrors.invalidValue(
      'payment_method',
      "You cannot confirm this PaymentIntent because it's missing a payment method. You can either update the PaymentIntent with a payment method and then confirm it again, or confirm it again directly with a payment method.",
      'payment_intent_unexpected_state',
    );
  }
  confirmIntent(store, events, intent);
  return expandPaymentIntent(intent, paymentIntentExpansions(expand), store);
}

/**
 * Confirms with a test payment method: declining ones answer 402 and leave the intent failed
 * (`payment_intent.payment_failed`); others succeed (`payment_intent.succeeded`).
 */
export function confirmIntent(
  store: StripeStore,
  events: StripeEventSink,
  intent: PaymentIntentObject,
): void {
  const method = intent.payment_method as string;
  intent.latest_charge = store.newId('ch');
  if (DECLINING_METHODS.has(method)) {
    intent.status = 'requires_payment_method';
    intent.payment_method = null;
    intent.last_payment_error = {
      type: 'card_error',
      code: 'card_declined',
      decline_code: 'generic_decline',
      message: 'Your card was declined.',
      payment_method: { id: method, object: 'payment_method', type: 'card' },
    };
    events.publish('payment_intent.payment_failed', intent);
    throw new StripeApiError(402, {
      type: 'card_error',
      code: 'card_declined',
      message: 'Your card was declined.',
      doc_url: 'https://stripe.com/docs/error-codes/card-declined',
    });
  }
  intent.status = 'succeeded';
  intent.amount_received = intent.amount;
  events.publish('payment_intent.succeeded', intent);
}

export const paymentIntentRoutes: ApiRoute[] = [
  {
    method: 'GET',
    pattern: '/v1/payment_intents/search',
    handle: ({ store, params, path }: ApiRequest) => {
      const query = params.requiredString('query');
      const expand = checkExpansions(params.stringList('expand'), [
        'total_count',
        'data.customer',
        'data.latest_charge',
      ]);
      const matches = compileSearch(parseSearchQuery(query), PAYMENT_INTENT_SEARCH);
      const found = store.paymentIntents.newestFirst().filter(matches);
      const page = searchPage(found, query, params, path, expand.has('total_count'));
      params.assertNoneLeft();
      const expansions = paymentIntentExpansions(expand, 'data.');
      return { ...page, data: page.data.map((p) => expandPaymentIntent(p, expansions, store)) };
    },
  },
  {
    method: 'GET',
    pattern: '/v1/payment_intents',
    handle: ({ store, params, path }: ApiRequest) => {
      const customer = params.string('customer');
      const created = createdFilter(params);
      const expand = checkExpansions(params.stringList('expand'), [
        'data.customer',
        'data.latest_charge',
      ]);
      const matching = store.paymentIntents
        .newestFirst()
        .filter((p) => (customer === undefined || p.customer === customer) && created(p.created));
      const page = listPage(matching, params, path, 'payment_intent');
      params.assertNoneLeft();
      const expansions = paymentIntentExpansions(expand, 'data.');
      return { ...page, data: page.data.map((p) => expandPaymentIntent(p, expansions, store)) };
    },
  },
  { method: 'POST', pattern: '/v1/payment_intents', handle: createPaymentIntent },
  {
    method: 'GET',
    pattern: '/v1/payment_intents/:id',
    handle: ({ store, params, pathParams }: ApiRequest) => {
      const expand = checkExpansions(params.stringList('expand'), ['customer', 'latest_charge']);
      params.string('client_secret');
      params.assertNoneLeft();
      const intent = requirePaymentIntent(store, pathParams.id as string);
      return expandPaymentIntent(intent, paymentIntentExpansions(expand), store);
    },
  },
  { method: 'POST', pattern: '/v1/payment_intents/:id/confirm', handle: confirmPaymentIntent },
  {
    method: 'POST',
    pattern: '/v1/payment_intents/:id/cancel',
    handle: ({ store, params, pathParams, events }: ApiRequest) => {
      const intent = requirePaymentIntent(store, pathParams.id as string);
      const reason = params.oneOf('cancellation_reason', [
        'duplicate',
        'fraudulent',
        'requested_by_customer',
        'abandoned',
      ]);
      const expand = checkExpansions(params.stringList('expand'), ['customer']);
      params.assertNoneLeft();
      if (
        intent.status === 'succeeded' ||
        intent.status === 'canceled' ||
        intent.status === 'processing'
      ) {
        throw stripeErrors.invalidValue(
          'intent',
          `You cannot cancel this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be canceled: requires_payment_method, requires_capture, requires_confirmation, requires_action.`,
          'payment_intent_unexpected_state',
        );
      }
      intent.status = 'canceled';
      intent.canceled_at = store.nowSeconds();
      intent.cancellation_reason = reason ?? null;
      events.publish('payment_intent.canceled', intent);
      return expandPaymentIntent(intent, paymentIntentExpansions(expand), store);
    },
  },
];
