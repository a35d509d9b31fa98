import type { GatewayContext } from '../../../context/gateway-context';
import { accountLinks } from '../account-links';
import { hasCustomer, toPayment } from './payment.mapper';
import type { Payment } from './payment.type';

/**
 * Every payment of an Account, newest first: of its linked customer (the link field), else of
 * every customer whose metadata names the Account. Through the request's batching loader, so
 * `payments` and the Customer360 roll-up of a page of accounts share the same Stripe calls.
 * Throws LinkedServiceError when Stripe fails.
 */
export async function accountPayments(
  ctx: GatewayContext,
  account: { id: string },
): Promise<Payment[]> {
  const links = await accountLinks(ctx, account, 'stripe');
  const records = await ctx.linked.stripe.paymentsByAccount.load({
    accountId: links.accountId,
    customerId: links.stripeCustomerId,
  });
  return records.filter(hasCustomer).map((record) => toPayment(record, links.accountId));
}
