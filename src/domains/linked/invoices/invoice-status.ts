import { registerEnumType } from 'type-graphql';
import type { QuickBooksInvoice } from '../../../upstreams/quickbooks';

/** Where a QuickBooks Online invoice stands (QBO has no status field: it is derived). */
export enum InvoiceStatus {
  PAID = 'PAID',
  OPEN = 'OPEN',
  OVERDUE = 'OVERDUE',
  VOIDED = 'VOIDED',
}

registerEnumType(InvoiceStatus, {
  name: 'InvoiceStatus',
  description:
    "Derived from the QuickBooks Online invoice, first rule that applies: VOIDED when QBO voided it (QBO keeps a voided invoice with every amount zeroed and 'Voided' written at the start of PrivateNote); PAID when Balance is 0; OVERDUE when Balance > 0 and DueDate is before today (UTC); otherwise OPEN.",
  valuesConfig: {
    PAID: { description: 'Nothing left to pay (Balance 0).' },
    OPEN: { description: 'Balance left and not yet due (or no DueDate).' },
    OVERDUE: { description: 'Balance left and DueDate before today (UTC).' },
    VOIDED: {
      description:
        "Voided in QuickBooks: TotalAmt and Balance 0, PrivateNote starting with 'Voided'.",
    },
  },
});

type StatusInput = Pick<QuickBooksInvoice, 'totalAmt' | 'balance' | 'dueDate' | 'privateNote'>;

/**
 * A voided invoice stays in QBO with amounts and quantities zeroed and "Voided" prepended to
 * PrivateNote (https://blogs.intuit.com/2016/04/06/voiding-invoice-objects). Both marks are
 * required: a note someone typed on a live invoice does not void it.
 */
export function isVoided(invoice: StatusInput): boolean {
  return (
    invoice.totalAmt === 0 &&
    invoice.balance === 0 &&
    (invoice.privateNote ?? '').trimStart().toLowerCase().startsWith('voided')
  );
}

/** `today`: the current UTC day as `YYYY-MM-DD` (QBO dates carry no time zone). */
export function invoiceStatus(invoice: StatusInput, today: string): InvoiceStatus {
  if (isVoided(invoice)) return InvoiceStatus.VOIDED;
  if (invoice.balance <= 0) return InvoiceStatus.PAID;
  if (invoice.dueDate !== null && invoice.dueDate < today) return InvoiceStatus.OVERDUE;
  return InvoiceStatus.OPEN;
}

export function utcToday(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
