import DataLoader from 'dataloader';
import type { OperationScope } from '../operation-scope';
import type { QuickBooksApi } from './qbo-client';
import { inListQueries } from './qbo-query';
import {
  lacksCurrency,
  toCustomer,
  toInvoice,
  type QuickBooksCustomer,
  type QuickBooksInvoice,
} from './qbo-records';

/** How an Account is found in QuickBooks: its link field's customer id, else its Name. */
export interface QuickBooksAccountLink {
  customerId: string | null;
  /** The exact `DisplayName` to look for when `customerId` is null. */
  displayName: string | null;
}

export interface QuickBooksAccountInvoices {
  /** The linked customer; null when the account has none. */
  customerId: string | null;
  invoices: QuickBooksInvoice[];
}

export interface QuickBooksLoaders {
  /** The company (realm) id of the global invoice ids; throws when QuickBooks is not configured. */
  realmId(): string;
  /**
   * Every invoice of each account of a page: one customer query for the accounts found by
   * name (`DisplayName in (...)`), then one invoice query for all their customers
   * (`CustomerRef in (...)`), split only when a statement would be too long and paged by
   * STARTPOSITION past 1,000 rows.
   */
  invoicesByAccount: DataLoader<QuickBooksAccountLink, QuickBooksAccountInvoices, string>;
  /** Invoices by Id (`Id in (...)`), null when absent. */
  invoiceById: DataLoader<string, QuickBooksInvoice | null>;
}

async function rowsFor(
  api: QuickBooksApi,
  operation: OperationScope,
  entity: 'Customer' | 'Invoice',
  field: string,
  values: Iterable<string>,
): Promise<unknown[]> {
  const queries = inListQueries(entity, field, values);
  const pages = await Promise.all(queries.map((query) => api.queryAll(query, operation)));
  return pages.flat();
}

async function invoicesOf(
  api: QuickBooksApi,
  operation: OperationScope,
  rows: unknown[],
): Promise<QuickBooksInvoice[]> {
  const home = rows.some(lacksCurrency) ? await api.companyHomeCurrency(operation) : null;
  return rows.flatMap((row) => toInvoice(row, home) ?? []);
}

export function createLoadersFor(api: QuickBooksApi, operation: OperationScope): QuickBooksLoaders {
  const customersByName = async (names: Iterable<string>) => {
    const rows = await rowsFor(api, operation, 'Customer', 'DisplayName', names);
    const byName = new Map<string, QuickBooksCustomer>();
    for (const customer of rows.flatMap((row) => toCustomer(row) ?? [])) {
      // The link is the exact DisplayName, whatever QBO's own comparison makes of case.
      if (!byName.has(customer.displayName)) byName.set(customer.displayName, customer);
    }
    return byName;
  };

  return {
    realmId: () => api.realmId,
    invoicesByAccount: new DataLoader(
      async (links) => {
        const names = links.flatMap((l) =>
          l.customerId === null && l.displayName ? [l.displayName] : [],
        );
        const byName =
          names.length > 0 ? await customersByName(names) : new Map<string, QuickBooksCustomer>();
        const customerIds = links.map(
          (l) => l.customerId ?? (l.displayName ? (byName.get(l.displayName)?.id ?? null) : null),
        );
        const wanted = customerIds.filter((id): id is string => id !== null);
        const rows =
          wanted.length > 0 ? await rowsFor(api, operation, 'Invoice', 'CustomerRef', wanted) : [];
        const byCustomer = new Map<string, QuickBooksInvoice[]>();
        for (const invoice of await invoicesOf(api, operation, rows)) {
          const list = byCustomer.get(invoice.customerId) ?? [];
          list.push(invoice);
          byCustomer.set(invoice.customerId, list);
        }
        return customerIds.map((customerId) => ({
          customerId,
          invoices: customerId === null ? [] : (byCustomer.get(customerId) ?? []),
        }));
      },
      { cacheKeyFn: (link) => `${link.customerId ?? ''}\u0000${link.displayName ?? ''}` },
    ),
    invoiceById: new DataLoader(async (ids) => {
      const rows = await rowsFor(api, operation, 'Invoice', 'Id', ids);
      const byId = new Map((await invoicesOf(api, operation, rows)).map((i) => [i.id, i]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
