import type { StripePaymentRecord } from '../../../upstreams/stripe';
import { compareLinked, type LinkedSortKey } from '../linked-connection';
import { moneyFromMinorUnits } from '../money.type';
import { PAYMENT_ID_PREFIX, Payment } from './payment.type';
import { paymentStatusOf } from './payment-status.enum';

/** A payment of a customer (`customerId` known); `accountId` when reached through an Account. */
export function toPayment(
  record: StripePaymentRecord & { customerId: string },
  accountId: string | null,
): Payment {
  return Object.assign(new Payment(), {
    id: `${PAYMENT_ID_PREFIX}:${record.id}`,
    stripeId: record.id,
    amount: moneyFromMinorUnits(record.amount, record.currency),
    amountReceived: moneyFromMinorUnits(record.amountReceived, record.currency),
    status: paymentStatusOf(record),
    description: record.description,
    created: new Date(record.created * 1000),
    stripeCustomerId: record.customerId,
    invoiceNumber: record.invoiceNumber,
    receiptUrl: record.receiptUrl,
    accountId,
  });
}

export function hasCustomer(
  record: StripePaymentRecord,
): record is StripePaymentRecord & { customerId: string } {
  return record.customerId !== null;
}

/** Where a payment sits in its account's list: newest first, then by id. */
export function paymentSortKey(payment: Payment): LinkedSortKey {
  return { time: payment.created.getTime(), id: payment.stripeId };
}

export const comparePayments = (a: Payment, b: Payment): number =>
  compareLinked(paymentSortKey(a), paymentSortKey(b));
