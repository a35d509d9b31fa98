import type { StripePaymentRecord } from '../../upstreams/stripe';
import type { SyncRow } from '../sync-engine';

export const STRIPE_PAYMENT_OBJECT = 'Stripe_Payment__c';
export const STRIPE_PAYMENT_EXTERNAL_ID = 'Stripe_Payment_Id__c';

/**
 * Currencies Stripe counts in whole units (https://docs.stripe.com/currencies#zero-decimal):
 * every other amount is in hundredths.
 */
const ZERO_DECIMAL = new Set([
  'bif',
  'clp',
  'djf',
  'gnf',
  'jpy',
  'kmf',
  'krw',
  'mga',
  'pyg',
  'rwf',
  'ugx',
  'vnd',
  'vuv',
  'xaf',
  'xof',
  'xpf',
]);

const major = (amount: number, currency: string): number =>
  ZERO_DECIMAL.has(currency.toLowerCase()) ? amount : amount / 100;

/**
 * One PaymentIntent as a `Stripe_Payment__c` row. Values are copied as Stripe has them (a
 * description longer than the field's 255 characters is Salesforce's to reject, and is then
 * reported for that record); a fully refunded payment reads `refunded`.
 */
export function stripePaymentRow(payment: StripePaymentRecord, accountId: string): SyncRow {
  return {
    externalId: payment.id,
    fields: {
      Name: payment.id,
      [STRIPE_PAYMENT_EXTERNAL_ID]: payment.id,
      Account__c: accountId,
      Amount__c: major(payment.amount, payment.currency),
      Amount_Received__c: major(payment.amountReceived, payment.currency),
      Currency_Code__c: payment.currency.toUpperCase(),
      Status__c: payment.fullyRefunded ? 'refunded' : payment.status,
      Description__c: payment.description,
      Stripe_Created__c: new Date(payment.created * 1000).toISOString(),
      Stripe_Customer_Id__c: payment.customerId,
      Invoice_Number__c: payment.invoiceNumber,
      Receipt_Url__c: payment.receiptUrl,
    },
  };
}
