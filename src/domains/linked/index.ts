import { AccountInvoicesResolver } from './invoices/account-invoices.resolver';
import { InvoiceResolver } from './invoices/invoice.resolver';
/**
 * The linked services' resolver classes (Stripe payments, Zendesk tickets, QuickBooks
 * invoices, Customer360), registered by `src/domains/index.ts`. Each adds fields to Account
 * and Contact from its own folder.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const linkedResolvers: Function[] = [AccountInvoicesResolver, InvoiceResolver];
