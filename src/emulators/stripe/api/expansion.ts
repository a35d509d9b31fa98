import { stripeErrors } from '../model/stripe-error';
import type { PaymentIntentObject } from '../model/stripe-objects';
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

export function expandPaymentIntent(
  intent: PaymentIntentObject,
  expandCustomer: boolean,
  store: StripeStore,
): PaymentIntentObject {
  if (!expandCustomer || typeof intent.customer !== 'string') return intent;
  return { ...intent, customer: store.customers.get(intent.customer) ?? intent.customer };
}
