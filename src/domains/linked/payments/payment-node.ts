import type { GatewayContext } from '../../../context/gateway-context';
import { BadUserInputError } from '../../../errors';
import type { Node } from '../../shared/node.interface';
import { hasCustomer, toPayment } from './payment.mapper';

/** A PaymentIntent id as Stripe issues them. */
const PAYMENT_INTENT_ID = /^pi_[A-Za-z0-9]{1,250}$/;

/**
 * `node(id: "stripe-payment:pi_…")`: null when Stripe does not know the PaymentIntent, or it
 * has no customer (no Account can own it). A local part that is no PaymentIntent id is the
 * client's mistake (BAD_USER_INPUT); Stripe failing throws its LinkedServiceError.
 */
export async function paymentNode(ctx: GatewayContext, localId: string): Promise<Node | null> {
  if (!PAYMENT_INTENT_ID.test(localId)) {
    throw new BadUserInputError(
      `"stripe-payment:${localId.slice(0, 80)}" is not a payment id (stripe-payment:pi_…)`,
      { argument: 'id' },
    );
  }
  const record = await ctx.linked.stripe.paymentIntent.load(localId);
  return record && hasCustomer(record) ? toPayment(record, null) : null;
}
