import { PaymentStatus, paymentStatusOf } from './payment-status.enum';
import type { StripePaymentRecord } from '../../../upstreams/stripe';

const of = (
  status: StripePaymentRecord['status'],
  facts: { hasPaymentError?: boolean; fullyRefunded?: boolean } = {},
) =>
  paymentStatusOf({
    status,
    hasPaymentError: facts.hasPaymentError ?? false,
    fullyRefunded: facts.fullyRefunded ?? false,
  });

describe('paymentStatusOf', () => {
  it.each([
    ['succeeded', {}, PaymentStatus.SUCCEEDED],
    ['succeeded', { fullyRefunded: true }, PaymentStatus.REFUNDED],
    ['processing', {}, PaymentStatus.PROCESSING],
    ['requires_capture', {}, PaymentStatus.PROCESSING],
    ['requires_action', {}, PaymentStatus.REQUIRES_ACTION],
    ['requires_confirmation', {}, PaymentStatus.REQUIRES_ACTION],
    ['requires_payment_method', {}, PaymentStatus.REQUIRES_PAYMENT_METHOD],
    ['requires_payment_method', { hasPaymentError: true }, PaymentStatus.FAILED],
    ['canceled', {}, PaymentStatus.CANCELED],
    // A refund flag on anything but a succeeded intent changes nothing.
    ['canceled', { fullyRefunded: true }, PaymentStatus.CANCELED],
    ['a_status_stripe_adds_later', {}, PaymentStatus.PROCESSING],
  ] as const)('%s %j → %s', (status, facts, expected) => {
    expect(of(status, facts)).toBe(expected);
  });
});
