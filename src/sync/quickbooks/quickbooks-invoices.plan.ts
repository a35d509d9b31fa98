import type { OperationScope } from '../../upstreams/operation-scope';
import {
  customersNamed,
  customersPage,
  invoicesPage,
  type QuickBooksInvoice,
  type QuickBooksUpstream,
} from '../../upstreams/quickbooks';
import type { SyncPlan } from '../sync-engine';
import { readScopeKey, scopeKey, type SyncScope } from '../sync-scope';
import {
  QUICKBOOKS_INVOICE_EXTERNAL_ID,
  QUICKBOOKS_INVOICE_OBJECT,
  quickBooksInvoiceRow,
} from './quickbooks-invoice.mapping';

const startOf = (cursor: string | null): number => (cursor === null ? 1 : Number(cursor));
const cursorOf = (next: number | null): string | null => (next === null ? null : String(next));

/**
 * QuickBooks invoices → `QuickBooks_Invoice__c`, read 1,000 a page ordered by Id (STARTPOSITION
 * is the cursor). One Account: the invoices of its customer (link field, else the customer whose
 * DisplayName is exactly the Account Name). Every Account: all invoices, kept when their
 * customer links to an Account of the scope. `since` keeps invoices created at or after it
 * (MetaData.CreateTime; it narrows the writes, not the reads).
 */
export async function quickBooksInvoicesPlan(
  quickbooks: QuickBooksUpstream,
  scope: SyncScope,
  since: Date | null,
  operation: OperationScope,
): Promise<SyncPlan<QuickBooksInvoice>> {
  const api = quickbooks.api();
  const recent = (invoices: QuickBooksInvoice[]): QuickBooksInvoice[] =>
    since === null
      ? invoices
      : invoices.filter((i) => i.createdAtMs !== null && i.createdAtMs >= since.getTime());
  const base = {
    service: 'quickbooks' as const,
    scope: scopeKey(scope),
    readScope: readScopeKey(scope, since),
    object: QUICKBOOKS_INVOICE_OBJECT,
    externalIdField: QUICKBOOKS_INVOICE_EXTERNAL_ID,
  };
  if (scope.kind === 'account') {
    const { account } = scope;
    const customers =
      account.linkId !== null
        ? [account.linkId]
        : account.name === null
          ? []
          : (await customersNamed(api, account.name, operation)).map((c) => c.id);
    return {
      ...base,
      async readPage(cursor) {
        const page = await invoicesPage(api, customers, startOf(cursor), operation);
        return { records: recent(page.records), next: cursorOf(page.next) };
      },
      toRow: (invoice) => quickBooksInvoiceRow(api.realmId, invoice, account.accountId),
    };
  }
  const byCustomer = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const account of scope.accounts) {
    if (account.linkId !== null) byCustomer.set(account.linkId, account.accountId);
    else if (account.name !== null) byName.set(account.name, account.accountId);
  }
  if (byName.size > 0) {
    let start: number | null = 1;
    while (start !== null) {
      const page = await customersPage(api, start, operation);
      for (const customer of page.records) {
        const accountId = byName.get(customer.displayName);
        if (accountId !== undefined && !byCustomer.has(customer.id)) {
          byCustomer.set(customer.id, accountId);
        }
      }
      start = page.next;
    }
  }
  return {
    ...base,
    async readPage(cursor) {
      const page = await invoicesPage(api, null, startOf(cursor), operation);
      return { records: recent(page.records), next: cursorOf(page.next) };
    },
    toRow(invoice) {
      const accountId = byCustomer.get(invoice.customerId);
      return accountId === undefined ? null : quickBooksInvoiceRow(api.realmId, invoice, accountId);
    },
  };
}
