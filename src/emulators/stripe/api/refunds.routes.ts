import { stripeErrors } from '../model/stripe-error';
import { newRefund, type RefundObject, type RefundReason } from '../model/stripe-objects';
import type { ApiRequest, ApiRoute } from './api-route';
import { createdFilter } from './created-filter';
import { chargeOf, checkExpansions } from './expansion';
import { listPage } from './pagination';
import { requirePaymentIntent } from './payment-intents.routes';

const REASONS: readonly RefundReason[] = ['duplicate', 'fraudulent', 'requested_by_customer'];

/** Minor units as Stripe words it in refund errors: `$12.50`. */
const major = (amount: number, currency: string): string =>
  currency === 'jpy' ? `¥${amount}` : `$${(amount / 100).toFixed(2)}`;

function createRefund({ store, params, events }: ApiRequest): RefundObject {
  const intentId = params.string('payment_intent');
  const chargeId = params.string('charge');
  const amount = params.integer('amount');
  const reason = params.oneOf('reason', REASONS);
  const metadata = params.metadataUpdate({}) ?? {};
  checkExpansions(params.stringList('expand'), []);
  params.assertNoneLeft();
  if (intentId === undefined && chargeId === undefined)
    throw stripeErrors.missingParameter('payment_intent');
  const intent =
    intentId !== undefined
      ? requirePaymentIntent(store, intentId, 'payment_intent')
      : store.paymentIntents.newestFirst().find((p) => p.latest_charge === chargeId);
  if (!intent) throw stripeErrors.noSuchObject('charge', chargeId as string, 'charge');
  if (intent.status !== 'succeeded' || intent.latest_charge === null) {
    throw stripeErrors.invalidValue(
      'payment_intent',
      `This PaymentIntent (${intent.id}) does not have a successful charge to refund.`,
      'charge_not_refundable',
    );
  }
  const refundable = store.refundableAmount(intent);
  if (refundable <= 0) {
    throw stripeErrors.invalidValue(
      'charge',
      `Charge ${intent.latest_charge} has already been refunded.`,
      'charge_already_refunded',
    );
  }
  if (amount !== undefined && amount <= 0)
    throw stripeErrors.invalidValue(
      'amount',
      'Amount must be a positive integer',
      'amount_too_small',
    );
  if (amount !== undefined && amount > refundable) {
    throw stripeErrors.invalidValue(
      'amount',
      `Refund amount (${major(amount, intent.currency)}) is greater than unrefunded amount on charge (${major(refundable, intent.currency)})`,
      'amount_too_large',
    );
  }
  const refund = store.refunds.insert(
    newRefund({
      id: store.newId('re'),
      created: store.nowSeconds(),
      amount: amount ?? refundable,
      currency: intent.currency,
      charge: intent.latest_charge,
      payment_intent: intent.id,
      reason: reason ?? null,
      metadata,
      balance_transaction: store.newId('txn'),
    }),
  );
  // Stripe's event for a refund names the charge, which carries the customer and the intent.
  events.publish('charge.refunded', chargeOf(intent, intent.latest_charge, store));
  return refund;
}

export const refundRoutes: ApiRoute[] = [
  {
    method: 'GET',
    pattern: '/v1/refunds',
    handle: ({ store, params, path }: ApiRequest) => {
      const intent = params.string('payment_intent');
      const charge = params.string('charge');
      const created = createdFilter(params);
      checkExpansions(params.stringList('expand'), []);
      const matching = store.refunds
        .newestFirst()
        .filter(
          (r) =>
            (intent === undefined || r.payment_intent === intent) &&
            (charge === undefined || r.charge === charge) &&
            created(r.created),
        );
      const page = listPage(matching, params, path, 'refund');
      params.assertNoneLeft();
      return page;
    },
  },
  { method: 'POST', pattern: '/v1/refunds', handle: createRefund },
  {
    method: 'GET',
    pattern: '/v1/refunds/:id',
    handle: ({ store, params, pathParams }: ApiRequest) => {
      checkExpansions(params.stringList('expand'), []);
      params.assertNoneLeft();
      const refund = store.refunds.get(pathParams.id as string);
      if (!refund) throw stripeErrors.noSuchObject('refund', pathParams.id as string);
      return refund;
    },
  },
];
