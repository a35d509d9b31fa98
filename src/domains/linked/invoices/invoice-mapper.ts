import type { QuickBooksInvoice } from '../../../upstreams/quickbooks';
import type { Account } from '../../crm/account/account.type';
import { money } from '../money.type';
import type { LinkedSortKey } from '../linked-connection';
import { invoiceStatus, utcToday } from './invoice-status';
import { Invoice } from './invoice.type';

export const INVOICE_ID_PREFIX = 'quickbooks-invoice';

/** `quickbooks-invoice:<realm>:<id>`: invoice Ids are unique only within one company. */
export function invoiceGlobalId(realmId: string, invoiceId: string): string {
  return `${INVOICE_ID_PREFIX}:${realmId}:${invoiceId}`;
}

export function toDomainInvoice(
  record: QuickBooksInvoice,
  realmId: string,
  reachedThrough: Account | null,
  today = utcToday(),
): Invoice {
  return Object.assign(new Invoice(), {
    id: invoiceGlobalId(realmId, record.id),
    quickBooksId: record.id,
    docNumber: record.docNumber,
    txnDate: record.txnDate,
    dueDate: record.dueDate,
    total: money(record.totalAmt, record.currency),
    balance: money(record.balance, record.currency),
    status: invoiceStatus(record, today),
    quickBooksCustomerId: record.customerId,
    customerDisplayName: record.customerName,
    reachedThrough,
    sortTime: Date.parse(`${record.txnDate}T00:00:00Z`) || 0,
  });
}

/**
 * Newest TxnDate first; same day: the higher Id first. Ids are compared as numbers (QBO Ids
 * are digits), padded because the connection compares keys as strings.
 */
export function invoiceSortKey(invoice: Invoice): LinkedSortKey {
  return { time: invoice.sortTime, id: invoice.quickBooksId.padStart(20, '0') };
}
