/*
 * How the naive baseline turns the three services' raw objects into the contract's shapes.
 * Written apart from the gateway's code on purpose: the bench compares the two answers, so a
 * shared helper would hide a bug in both. The rules are the contract's (docs/contract.graphql
 * "linked services") and ARCHITECTURE.md "Linking the services".
 */

export interface MoneyView {
  amount: number;
  currency: string;
}

/** Stripe's zero-decimal currencies: their minor unit is the major unit. */
const ZERO_DECIMAL = new Set([
  'BIF',
  'CLP',
  'DJF',
  'GNF',
  'JPY',
  'KMF',
  'KRW',
  'MGA',
  'PYG',
  'RWF',
  'UGX',
  'VND',
  'VUV',
  'XAF',
  'XOF',
  'XPF',
]);

export function cents(amount: number): number {
  return Math.round(amount * 100) / 100;
}

export function moneyOf(amount: number, currency: string): MoneyView {
  return { amount: cents(amount), currency: currency.toUpperCase() };
}

export function moneyFromMinor(amount: number, currency: string): MoneyView {
  const code = currency.toUpperCase();
  return moneyOf(ZERO_DECIMAL.has(code) ? amount : amount / 100, code);
}

/** The PaymentIntent fields the baseline reads (stripe-node's type is wider). */
export interface RawPaymentIntent {
  id: string;
  amount: number;
  amount_received: number;
  currency: string;
  status: string;
  created: number;
  description: string | null;
  last_payment_error?: unknown;
  /** Expanded (`data.latest_charge`): its `refunded` says whether the payment was refunded in full. */
  latest_charge?: string | { refunded?: boolean } | null;
}

export type PaymentStatusView =
  | 'SUCCEEDED'
  | 'PROCESSING'
  | 'REQUIRES_ACTION'
  | 'REQUIRES_PAYMENT_METHOD'
  | 'CANCELED'
  | 'FAILED'
  | 'REFUNDED';

function fullyRefunded(intent: RawPaymentIntent): boolean {
  const charge = intent.latest_charge;
  return typeof charge === 'object' && charge !== null && charge.refunded === true;
}

/**
 * A declined attempt leaves `requires_payment_method` with its error: that is a failure. A
 * succeeded payment whose charge was refunded in full is refunded.
 */
export function paymentStatus(intent: RawPaymentIntent): PaymentStatusView {
  switch (intent.status) {
    case 'succeeded':
      return fullyRefunded(intent) ? 'REFUNDED' : 'SUCCEEDED';
    case 'processing':
    case 'requires_capture':
      return 'PROCESSING';
    case 'requires_action':
    case 'requires_confirmation':
      return 'REQUIRES_ACTION';
    case 'canceled':
      return 'CANCELED';
    case 'requires_payment_method':
      return intent.last_payment_error ? 'FAILED' : 'REQUIRES_PAYMENT_METHOD';
    default:
      return 'PROCESSING';
  }
}

/** The Zendesk ticket fields the baseline reads. */
export interface RawTicket {
  id: number;
  subject: string;
  status: string;
  priority: string | null;
  created_at: string;
}

export type TicketStatusView = 'NEW' | 'OPEN' | 'PENDING' | 'HOLD' | 'SOLVED' | 'CLOSED';

const TICKET_STATUSES: readonly TicketStatusView[] = [
  'NEW',
  'OPEN',
  'PENDING',
  'HOLD',
  'SOLVED',
  'CLOSED',
];

/** Undefined for a status that is not a live ticket's (`deleted`): such tickets are left out. */
export function ticketStatus(ticket: RawTicket): TicketStatusView | undefined {
  const status = ticket.status.toUpperCase();
  return TICKET_STATUSES.find((s) => s === status);
}

export function isLiveTicket(ticket: RawTicket): boolean {
  return ticketStatus(ticket) !== undefined;
}

/** Not yet solved or closed: someone still has to act on it. */
export function isOpenTicket(ticket: RawTicket): boolean {
  const status = ticketStatus(ticket);
  return status !== undefined && status !== 'SOLVED' && status !== 'CLOSED';
}

/** The QuickBooks invoice fields the baseline reads. */
export interface RawInvoice {
  Id: string;
  DocNumber?: string;
  CustomerRef: { value: string };
  TxnDate: string;
  DueDate?: string;
  TotalAmt: number;
  Balance: number;
  CurrencyRef?: { value: string };
  PrivateNote?: string;
}

export type InvoiceStatusView = 'PAID' | 'OPEN' | 'OVERDUE' | 'VOIDED';

/**
 * QBO keeps a voided invoice with its amounts zeroed and "Voided" at the start of PrivateNote.
 * `today` is `YYYY-MM-DD` (UTC): an invoice due before it with a balance is overdue.
 */
export function invoiceStatus(invoice: RawInvoice, today: string): InvoiceStatusView {
  const voided =
    invoice.TotalAmt === 0 &&
    invoice.Balance === 0 &&
    (invoice.PrivateNote ?? '').trimStart().toLowerCase().startsWith('voided');
  if (voided) return 'VOIDED';
  if (invoice.Balance <= 0) return 'PAID';
  if (invoice.DueDate !== undefined && invoice.DueDate < today) return 'OVERDUE';
  return 'OPEN';
}

export function invoiceCurrency(invoice: RawInvoice): string {
  return (invoice.CurrencyRef?.value ?? 'USD').toUpperCase();
}

export type HealthView = 'HEALTHY' | 'WATCH' | 'AT_RISK';

export interface Customer360View {
  lifetimePayments: MoneyView;
  lastPaymentAt: string | null;
  openInvoiceBalance: MoneyView;
  overdueInvoiceCount: number;
  openTicketCount: number;
  urgentTicketCount: number;
  health: HealthView;
}

/**
 * The money of the currency most of the items are in (ties: the alphabetically first), so
 * an account paying in two currencies reports one honest sum rather than a mixed one.
 */
function mainCurrency(currencies: readonly string[], fallback: string): string {
  const counts = new Map<string, number>();
  for (const c of currencies) counts.set(c, (counts.get(c) ?? 0) + 1);
  let best: string | undefined;
  for (const [currency, count] of [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (best === undefined || count > (counts.get(best) ?? 0)) best = currency;
  }
  return best ?? fallback;
}

export function customer360(
  items: {
    payments: readonly RawPaymentIntent[];
    tickets: readonly RawTicket[];
    invoices: readonly RawInvoice[];
  },
  today: string,
): Customer360View {
  const succeeded = items.payments.filter((p) => paymentStatus(p) === 'SUCCEEDED');
  const paidCurrency = mainCurrency(
    succeeded.map((p) => p.currency.toUpperCase()),
    'USD',
  );
  const lifetime = succeeded
    .filter((p) => p.currency.toUpperCase() === paidCurrency)
    .reduce((sum, p) => sum + moneyFromMinor(p.amount_received, p.currency).amount, 0);
  const last = succeeded.reduce<number | null>(
    (latest, p) => (latest === null || p.created > latest ? p.created : latest),
    null,
  );
  const unpaid = items.invoices.filter((i) => {
    const status = invoiceStatus(i, today);
    return status === 'OPEN' || status === 'OVERDUE';
  });
  const invoiceCurrencyCode = mainCurrency(unpaid.map(invoiceCurrency), 'USD');
  const openBalance = unpaid
    .filter((i) => invoiceCurrency(i) === invoiceCurrencyCode)
    .reduce((sum, i) => sum + i.Balance, 0);
  const overdue = items.invoices.filter((i) => invoiceStatus(i, today) === 'OVERDUE').length;
  const open = items.tickets.filter(isOpenTicket);
  const urgent = open.filter((t) => t.priority === 'urgent').length;
  const health: HealthView =
    overdue > 0 || urgent > 0
      ? 'AT_RISK'
      : open.length > 0 || unpaid.length > 0
        ? 'WATCH'
        : 'HEALTHY';
  return {
    lifetimePayments: moneyOf(lifetime, paidCurrency),
    lastPaymentAt: last === null ? null : new Date(last * 1000).toISOString(),
    openInvoiceBalance: moneyOf(openBalance, invoiceCurrencyCode),
    overdueInvoiceCount: overdue,
    openTicketCount: open.length,
    urgentTicketCount: urgent,
    health,
  };
}
