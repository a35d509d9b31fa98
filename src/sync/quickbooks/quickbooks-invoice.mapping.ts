import type { QuickBooksInvoice } from '../../upstreams/quickbooks';
import type { SyncRow } from '../sync-engine';

export const QUICKBOOKS_INVOICE_OBJECT = 'QuickBooks_Invoice__c';
export const QUICKBOOKS_INVOICE_EXTERNAL_ID = 'QuickBooks_Invoice_Id__c';

/**
 * QBO has no invoice status; it is derived as the graph's Invoice.status does, without
 * "overdue" (that depends on the day the sync runs; Salesforce can compare Due_Date__c itself).
 * A voided invoice keeps zeroed amounts and a PrivateNote starting with "Voided"
 * (https://blogs.intuit.com/2016/04/06/voiding-invoice-objects).
 */
function status(invoice: QuickBooksInvoice): string {
  const voided =
    invoice.totalAmt === 0 &&
    invoice.balance === 0 &&
    (invoice.privateNote ?? '').trimStart().toLowerCase().startsWith('voided');
  if (voided) return 'voided';
  return invoice.balance <= 0 ? 'paid' : 'open';
}

/**
 * The external id: `<realm id>:<invoice Id>`, as QBO Ids are only unique within a company
 * (the graph's global id does the same).
 */
export const quickBooksInvoiceKey = (realmId: string, invoice: QuickBooksInvoice): string =>
  `${realmId}:${invoice.id}`;

/** One QBO invoice as a `QuickBooks_Invoice__c` row. */
export function quickBooksInvoiceRow(
  realmId: string,
  invoice: QuickBooksInvoice,
  accountId: string,
): SyncRow {
  const externalId = quickBooksInvoiceKey(realmId, invoice);
  return {
    externalId,
    fields: {
      Name: `Invoice ${invoice.docNumber ?? invoice.id}`.slice(0, 80),
      [QUICKBOOKS_INVOICE_EXTERNAL_ID]: externalId,
      Account__c: accountId,
      Doc_Number__c: invoice.docNumber,
      Total__c: invoice.totalAmt,
      Balance__c: invoice.balance,
      Currency_Code__c: invoice.currency,
      Status__c: status(invoice),
      Txn_Date__c: invoice.txnDate,
      Due_Date__c: invoice.dueDate,
    },
  };
}
