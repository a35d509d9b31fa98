/**
 * The QuickBooks Online entities as the gateway uses them: plain data, no GraphQL (the domain
 * maps them to the contract's types).
 */
export interface QuickBooksInvoice {
  id: string;
  docNumber: string | null;
  /** `YYYY-MM-DD`. */
  txnDate: string;
  dueDate: string | null;
  totalAmt: number;
  balance: number;
  /** ISO 4217 of `CurrencyRef`, or the company's home currency when the invoice has none. */
  currency: string;
  customerId: string;
  /** `CustomerRef.name`: the customer's DisplayName when QBO sent it. */
  customerName: string | null;
  privateNote: string | null;
  /** `MetaData.CreateTime` in epoch ms; null when absent. */
  createdAtMs: number | null;
}

export interface QuickBooksCustomer {
  id: string;
  displayName: string;
  currency: string | null;
}

type Json = Record<string, unknown>;

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function amount(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : 0;
}

function ref(value: unknown): { value: string | null; name: string | null } {
  const r = (typeof value === 'object' && value !== null ? value : {}) as Json;
  return { value: text(r.value), name: text(r.name) };
}

/** An invoice row of a query or read; null when it lacks what every invoice has (Id, CustomerRef). */
export function toInvoice(row: unknown, homeCurrency: string | null): QuickBooksInvoice | null {
  if (typeof row !== 'object' || row === null) return null;
  const raw = row as Json;
  const id = text(raw.Id);
  const customer = ref(raw.CustomerRef);
  const txnDate = text(raw.TxnDate);
  if (id === null || customer.value === null || txnDate === null) return null;
  const created = Date.parse(String((raw.MetaData as Json | undefined)?.CreateTime ?? ''));
  return {
    id,
    docNumber: text(raw.DocNumber),
    txnDate,
    dueDate: text(raw.DueDate),
    totalAmt: amount(raw.TotalAmt),
    balance: amount(raw.Balance),
    currency: (ref(raw.CurrencyRef).value ?? homeCurrency ?? 'USD').toUpperCase(),
    customerId: customer.value,
    customerName: customer.name,
    privateNote: text(raw.PrivateNote),
    createdAtMs: Number.isNaN(created) ? null : created,
  };
}

/** Whether an invoice row lacks `CurrencyRef` (only then is the home currency needed). */
export function lacksCurrency(row: unknown): boolean {
  return typeof row === 'object' && row !== null && ref((row as Json).CurrencyRef).value === null;
}

export function toCustomer(row: unknown): QuickBooksCustomer | null {
  if (typeof row !== 'object' || row === null) return null;
  const raw = row as Json;
  const id = text(raw.Id);
  const displayName = text(raw.DisplayName);
  if (id === null || displayName === null) return null;
  return { id, displayName, currency: ref(raw.CurrencyRef).value };
}
