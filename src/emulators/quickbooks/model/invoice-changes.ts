import { addDays, isoDay, qboDateTime } from '../seed/qbo-time';
import type { CompanyData, Customer, Invoice, SalesItemLine } from './entities';

/** QBO's ValidationFault details for a write it refuses. */
export class InvoiceInvalid extends Error {
  constructor(
    readonly code: string,
    readonly detail: string,
    message = 'Request has invalid or unsupported property',
  ) {
    super(message);
  }
}

/** Stale Object Error: the SyncToken sent is not the invoice's current one (optimistic locking). */
export class StaleInvoice extends Error {
  constructor(readonly invoice: Invoice) {
    super('Stale Object Error');
  }
}

const round = (n: number): number => Math.round(n * 100) / 100;

function customerOf(data: CompanyData, invoice: Invoice): Customer | undefined {
  return data.customers.find((c) => c.Id === invoice.CustomerRef.value);
}

/** Moves a customer's open balance by `delta` (an invoice's balance came or went). */
function adjustBalance(customer: Customer | undefined, delta: number): void {
  if (!customer || delta === 0) return;
  customer.Balance = round(customer.Balance + delta);
  customer.BalanceWithJobs = customer.Balance;
}

/** The request's sales lines: Amount, or Qty × UnitPrice; SubTotal lines are recomputed. */
function salesLines(raw: unknown): SalesItemLine[] {
  if (!Array.isArray(raw))
    throw new InvoiceInvalid(
      '2020',
      'Required parameter Line is missing in the request',
      'Required param missing, need to supply the required value for the API',
    );
  const lines = raw.filter(
    (l): l is Record<string, unknown> =>
      typeof l === 'object' &&
      l !== null &&
      (l as { DetailType?: unknown }).DetailType === 'SalesItemLineDetail',
  );
  if (lines.length === 0)
    throw new InvoiceInvalid(
      '2020',
      'Required parameter Line is missing in the request',
      'Required param missing, need to supply the required value for the API',
    );
  return lines.map((line, i) => {
    const detail = (line.SalesItemLineDetail ?? {}) as {
      ItemRef?: { value?: unknown; name?: unknown };
      Qty?: unknown;
      UnitPrice?: unknown;
    };
    const qty = typeof detail.Qty === 'number' ? detail.Qty : 1;
    const amount =
      typeof line.Amount === 'number'
        ? line.Amount
        : typeof detail.UnitPrice === 'number'
          ? detail.UnitPrice * qty
          : NaN;
    if (!Number.isFinite(amount) || amount < 0)
      throw new InvoiceInvalid('2050', `Line ${i + 1}: Amount must be a non-negative number`);
    const itemId = typeof detail.ItemRef?.value === 'string' ? detail.ItemRef.value : '1';
    return {
      Id: String(i + 1),
      LineNum: i + 1,
      Description: typeof line.Description === 'string' ? line.Description : '',
      Amount: round(amount),
      DetailType: 'SalesItemLineDetail',
      SalesItemLineDetail: {
        ItemRef: {
          value: itemId,
          ...(typeof detail.ItemRef?.name === 'string' ? { name: detail.ItemRef.name } : {}),
        },
        UnitPrice: typeof detail.UnitPrice === 'number' ? detail.UnitPrice : round(amount / qty),
        Qty: qty,
      },
    };
  });
}

function withSubtotal(lines: SalesItemLine[]): Invoice['Line'] {
  const total = round(lines.reduce((sum, l) => sum + l.Amount, 0));
  return [...lines, { Amount: total, DetailType: 'SubTotalLineDetail', SubTotalLineDetail: {} }];
}

function totalOf(lines: Invoice['Line']): number {
  return round(
    lines.filter((l) => l.DetailType === 'SalesItemLineDetail').reduce((s, l) => s + l.Amount, 0),
  );
}

/**
 * `POST /invoice`: a new invoice for `CustomerRef` with its sales lines, numbered after the
 * last one, due in 30 days (Net 30) unless `DueDate` is given; its balance is the customer's.
 */
export function createInvoice(
  data: CompanyData,
  body: Record<string, unknown>,
  now: Date,
): Invoice {
  const ref = body.CustomerRef as { value?: unknown } | undefined;
  if (typeof ref?.value !== 'string' && typeof ref?.value !== 'number')
    throw new InvoiceInvalid(
      '2020',
      'Required parameter CustomerRef is missing in the request',
      'Required param missing, need to supply the required value for the API',
    );
  const customer = data.customers.find((c) => c.Id === String(ref.value));
  if (!customer)
    throw new InvoiceInvalid(
      '2500',
      `Invalid Reference Id : Customer assigned to this transaction has been deleted. Before you can modify this transaction, you must restore ${String(ref.value)} (deleted).`,
      'Invalid Reference Id',
    );
  const lines = salesLines(body.Line);
  const line = withSubtotal(lines);
  const total = totalOf(line);
  const nextId = Math.max(0, ...data.invoices.map((i) => Number(i.Id))) + 1;
  const nextDoc = Math.max(1000, ...data.invoices.map((i) => Number(i.DocNumber) || 0)) + 1;
  const txnDate = typeof body.TxnDate === 'string' ? body.TxnDate : isoDay(now.getTime());
  const email = customer.PrimaryEmailAddr?.Address;
  const stamp = qboDateTime(now.getTime());
  const invoice: Invoice = {
    Id: String(nextId),
    SyncToken: '0',
    domain: 'QBO',
    sparse: false,
    MetaData: { CreateTime: stamp, LastUpdatedTime: stamp },
    DocNumber: typeof body.DocNumber === 'string' ? body.DocNumber : String(nextDoc),
    TxnDate: txnDate,
    DueDate:
      typeof body.DueDate === 'string' ? body.DueDate : isoDay(addDays(Date.parse(txnDate), 30)),
    TotalAmt: total,
    Balance: total,
    CurrencyRef: { ...customer.CurrencyRef },
    ...(customer.CurrencyRef.value === 'USD' ? {} : { ExchangeRate: 1 }),
    CustomerRef: { value: customer.Id, name: customer.DisplayName },
    ...(email ? { BillEmail: { Address: email } } : {}),
    SalesTermRef: { value: '3', name: 'Net 30' },
    Line: line,
    ...(typeof body.PrivateNote === 'string' ? { PrivateNote: body.PrivateNote } : {}),
    EmailStatus: 'NotSet',
    PrintStatus: 'NotSet',
  };
  data.invoices.push(invoice);
  adjustBalance(customer, total);
  return invoice;
}

/** The invoice a write names by Id, after the SyncToken check. */
export function invoiceForWrite(
  data: CompanyData,
  body: Record<string, unknown>,
): Invoice | undefined {
  const invoice = data.invoices.find((i) => i.Id === String(body.Id));
  if (invoice && String(body.SyncToken) !== invoice.SyncToken) throw new StaleInvoice(invoice);
  return invoice;
}

function touched(invoice: Invoice, now: Date): void {
  invoice.SyncToken = String(Number(invoice.SyncToken) + 1);
  invoice.MetaData = { ...invoice.MetaData, LastUpdatedTime: qboDateTime(now.getTime()) };
}

/**
 * `POST /invoice?operation=update`: sparse (the fields sent) or full. The emulator applies
 * `Line` (totals recomputed, the paid part kept), `Balance` (a payment: 0 marks it paid),
 * `DueDate`, `TxnDate`, `DocNumber` and `PrivateNote`.
 */
export function updateInvoice(
  data: CompanyData,
  invoice: Invoice,
  body: Record<string, unknown>,
  now: Date,
): Invoice {
  const customer = customerOf(data, invoice);
  const before = invoice.Balance;
  if (body.Line !== undefined) {
    const paid = round(invoice.TotalAmt - invoice.Balance);
    invoice.Line = withSubtotal(salesLines(body.Line));
    invoice.TotalAmt = totalOf(invoice.Line);
    invoice.Balance = Math.max(0, round(invoice.TotalAmt - paid));
  }
  if (body.Balance !== undefined) {
    if (typeof body.Balance !== 'number' || body.Balance < 0 || body.Balance > invoice.TotalAmt)
      throw new InvoiceInvalid('2050', 'Balance must be between 0 and TotalAmt');
    invoice.Balance = round(body.Balance);
  }
  for (const key of ['DueDate', 'TxnDate', 'DocNumber', 'PrivateNote'] as const) {
    const value = body[key];
    if (value !== undefined) {
      if (typeof value !== 'string') throw new InvoiceInvalid('2050', `${key} must be a string`);
      invoice[key] = value;
    }
  }
  adjustBalance(customer, round(invoice.Balance - before));
  touched(invoice, now);
  return invoice;
}

/**
 * `POST /invoice?operation=void`: QBO keeps the invoice with every amount and quantity zeroed
 * and "Voided" prepended to PrivateNote (https://blogs.intuit.com/2016/04/06/voiding-invoice-objects).
 */
export function voidInvoice(data: CompanyData, invoice: Invoice, now: Date): Invoice {
  adjustBalance(customerOf(data, invoice), -invoice.Balance);
  for (const line of invoice.Line) {
    line.Amount = 0;
    if (line.DetailType === 'SalesItemLineDetail') line.SalesItemLineDetail.Qty = 0;
  }
  invoice.TotalAmt = 0;
  invoice.Balance = 0;
  invoice.PrivateNote = invoice.PrivateNote ? `Voided - ${invoice.PrivateNote}` : 'Voided';
  touched(invoice, now);
  return invoice;
}

/** `POST /invoice?operation=delete`: the invoice is gone; its open balance leaves the customer's. */
export function deleteInvoice(data: CompanyData, invoice: Invoice): void {
  adjustBalance(customerOf(data, invoice), -invoice.Balance);
  data.invoices.splice(data.invoices.indexOf(invoice), 1);
}
