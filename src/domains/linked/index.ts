import { AccountCustomer360Resolver } from './customer360/customer360.resolver';
import { AccountInvoicesResolver } from './invoices/account-invoices.resolver';
import { InvoiceResolver } from './invoices/invoice.resolver';
import { AccountPaymentsResolver } from './payments/account-payments.resolver';
import { PaymentResolver } from './payments/payment.resolver';
import { ticketResolvers } from './tickets';

/**
 * The linked services' resolver classes (Stripe payments, Zendesk tickets, QuickBooks
 * invoices, Customer360), registered by `src/domains/index.ts`. Each adds fields to Account
 * and Contact from its own folder.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const linkedResolvers: Function[] = [
  AccountPaymentsResolver,
  PaymentResolver,
  ...ticketResolvers,
  AccountInvoicesResolver,
  InvoiceResolver,
  AccountCustomer360Resolver,
];
