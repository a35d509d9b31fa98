import type { OperationScope } from '../operation-scope';
import type { QuickBooksApi } from './qbo-client';
import { MAX_RESULTS, qboString } from './qbo-query';
import {
  lacksCurrency,
  toCustomer,
  toInvoice,
  type QuickBooksCustomer,
  type QuickBooksInvoice,
} from './qbo-records';

/** One page of a QBO query; `next` is the STARTPOSITION of the following page, null at the end. */
export interface QuickBooksPage<T> {
  records: T[];
  next: number | null;
}

const nextStart = (start: number, rows: unknown[]): number | null =>
  rows.length < MAX_RESULTS ? null : start + MAX_RESULTS;

/**
 * One page (1,000) of invoices ordered by Id, of these customers or of the whole company: the
 * sync's read. Id order keeps STARTPOSITION stable while new invoices (higher Ids) arrive.
 */
export async function invoicesPage(
  api: QuickBooksApi,
  customerIds: readonly string[] | null,
  startPosition: number,
  operation: OperationScope,
): Promise<QuickBooksPage<QuickBooksInvoice>> {
  if (customerIds !== null && customerIds.length === 0) return { records: [], next: null };
  const where =
    customerIds === null ? null : `CustomerRef in (${customerIds.map(qboString).join(',')})`;
  const rows = await api.queryPage('Invoice', where, startPosition, operation);
  const home = rows.some(lacksCurrency) ? await api.companyHomeCurrency(operation) : null;
  return {
    records: rows.flatMap((row) => toInvoice(row, home) ?? []),
    next: nextStart(startPosition, rows),
  };
}

/** One page (1,000) of customers ordered by Id (the DisplayName fallback link). */
export async function customersPage(
  api: QuickBooksApi,
  startPosition: number,
  operation: OperationScope,
): Promise<QuickBooksPage<QuickBooksCustomer>> {
  const rows = await api.queryPage('Customer', null, startPosition, operation);
  return {
    records: rows.flatMap((row) => toCustomer(row) ?? []),
    next: nextStart(startPosition, rows),
  };
}

/** Customers whose DisplayName is exactly `name` (QBO may compare without case: checked here). */
export async function customersNamed(
  api: QuickBooksApi,
  name: string,
  operation: OperationScope,
): Promise<QuickBooksCustomer[]> {
  const rows = await api.queryPage('Customer', `DisplayName = ${qboString(name)}`, 1, operation);
  return rows.flatMap((row) => toCustomer(row) ?? []).filter((c) => c.displayName === name);
}
