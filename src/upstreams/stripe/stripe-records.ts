import type Stripe from 'stripe';

/**
 * What the gateway reads of Stripe, as plain data (upstreams never import the domain):
 * amounts in the currency's minor unit, times in Unix seconds, Stripe's own status names.
 */
export type StripePaymentIntentStatus = Stripe.PaymentIntent.Status;

export interface StripePaymentRecord {
  /** `pi_…` */
  id: string;
  amount: number;
  amountReceived: number;
  /** Lower-case ISO code, as Stripe writes it. */
  currency: string;
  status: StripePaymentIntentStatus;
  /** The last attempt was declined (Stripe keeps `last_payment_error` on the intent). */
  hasPaymentError: boolean;
  description: string | null;
  created: number;
  /** `cus_…`; null for a payment made without a customer. */
  customerId: string | null;
  /** `metadata.invoice_number`: PaymentIntents carry no invoice since API 2025-03-31. */
  invoiceNumber: string | null;
  /** The latest charge's receipt (expanded with the intent). */
  receiptUrl: string | null;
  /** The latest charge is refunded in full. */
  fullyRefunded: boolean;
}

export interface StripeCustomerRecord {
  /** `cus_…` */
  id: string;
  /** The Salesforce Account Id in the customer's metadata (the fallback link), if any. */
  accountId: string | null;
}

/** The metadata key under which an invoice number is kept on a PaymentIntent. */
export const INVOICE_NUMBER_METADATA_KEY = 'invoice_number';

function idOf(value: string | { id: string } | null): string | null {
  return typeof value === 'string' ? value : (value?.id ?? null);
}

/** A PaymentIntent read with `expand: ['latest_charge']` (or `data.latest_charge`). */
export function toPaymentRecord(intent: Stripe.PaymentIntent): StripePaymentRecord {
  const charge = typeof intent.latest_charge === 'object' ? intent.latest_charge : null;
  const invoiceNumber = intent.metadata[INVOICE_NUMBER_METADATA_KEY];
  return {
    id: intent.id,
    amount: intent.amount,
    amountReceived: intent.amount_received,
    currency: intent.currency,
    status: intent.status,
    hasPaymentError: intent.last_payment_error !== null && intent.last_payment_error !== undefined,
    description: intent.description,
    created: intent.created,
    customerId: idOf(intent.customer),
    invoiceNumber: invoiceNumber !== undefined && invoiceNumber !== '' ? invoiceNumber : null,
    receiptUrl: charge?.receipt_url ?? null,
    fullyRefunded: charge?.refunded === true,
  };
}

export function toCustomerRecord(
  customer: Stripe.Customer,
  accountMetadataKey: string,
): StripeCustomerRecord {
  const accountId = customer.metadata[accountMetadataKey];
  return {
    id: customer.id,
    accountId: accountId !== undefined && accountId.trim() !== '' ? accountId.trim() : null,
  };
}
