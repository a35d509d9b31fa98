import { registerEnumType } from 'type-graphql';
import type { StripePaymentRecord } from '../../../upstreams/stripe';

export enum PaymentStatus {
  SUCCEEDED = 'SUCCEEDED',
  PROCESSING = 'PROCESSING',
  REQUIRES_ACTION = 'REQUIRES_ACTION',
  REQUIRES_PAYMENT_METHOD = 'REQUIRES_PAYMENT_METHOD',
  CANCELED = 'CANCELED',
  FAILED = 'FAILED',
  REFUNDED = 'REFUNDED',
}

registerEnumType(PaymentStatus, {
  name: 'PaymentStatus',
  description:
    "A Stripe PaymentIntent's status as the gateway reports it: succeeded → SUCCEEDED, or REFUNDED once its latest charge is refunded in full; processing and requires_capture → PROCESSING; requires_action and requires_confirmation → REQUIRES_ACTION; requires_payment_method → FAILED when the last attempt was declined (last_payment_error), else REQUIRES_PAYMENT_METHOD; canceled → CANCELED; a status Stripe adds later → PROCESSING.",
  valuesConfig: {
    SUCCEEDED: { description: 'Paid (succeeded), not refunded in full.' },
    PROCESSING: {
      description: 'processing, or authorised and waiting for capture (requires_capture).',
    },
    REQUIRES_ACTION: {
      description:
        'Waiting for the customer (requires_action, e.g. 3-D Secure) or for confirmation (requires_confirmation).',
    },
    REQUIRES_PAYMENT_METHOD: {
      description: 'requires_payment_method with no declined attempt yet.',
    },
    CANCELED: { description: 'canceled.' },
    FAILED: {
      description: 'requires_payment_method after a declined attempt (last_payment_error set).',
    },
    REFUNDED: { description: 'succeeded, and its latest charge was refunded in full.' },
  },
});

/** Stripe's status and the facts that refine it (see the enum's description). */
export function paymentStatusOf(
  payment: Pick<StripePaymentRecord, 'status' | 'hasPaymentError' | 'fullyRefunded'>,
): PaymentStatus {
  switch (payment.status) {
    case 'succeeded':
      return payment.fullyRefunded ? PaymentStatus.REFUNDED : PaymentStatus.SUCCEEDED;
    case 'processing':
    case 'requires_capture':
      return PaymentStatus.PROCESSING;
    case 'requires_action':
    case 'requires_confirmation':
      return PaymentStatus.REQUIRES_ACTION;
    case 'requires_payment_method':
      return payment.hasPaymentError ? PaymentStatus.FAILED : PaymentStatus.REQUIRES_PAYMENT_METHOD;
    case 'canceled':
      return PaymentStatus.CANCELED;
    default:
      // A status newer than this mapping (stripe-node types leave room for them): not final,
      // not paid; the closest public meaning is "in progress".
      return PaymentStatus.PROCESSING;
  }
}
