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

interface CurrencyTotal {
  currency: string;
  amount: number;
  count: number;
  latest: number;
}

/**
 * Amounts are never converted: each currency sums on its own, and the headline is the main
 * currency's (most items, then the most recent, then the code), as the contract's roll-up.
 */
function byCurrency(items: ReadonlyArray<{ money: MoneyView; at: number }>): CurrencyTotal[] {
  const totals = new Map<string, CurrencyTotal>();
  for (const { money, at } of items) {
    const total = totals.get(money.currency) ?? {
      currency: money.currency,
      amount: 0,
      count: 0,
      latest: Number.NEGATIVE_INFINITY,
    };
    total.amount += money.amount;
    total.count += 1;
    total.latest = Math.max(total.latest, at);
    totals.set(money.currency, total);
  }
  return [...totals.values()].sort(
    (a, b) => b.count - a.count || b.latest - a.latest || (a.currency < b.currency ? -1 : 1),
  );
}

const DAY_MS = 86_400_000;
/** WATCH when an open invoice falls due within this many days (today included). */
const DUE_SOON_DAYS = 7;

function dueTime(invoice: RawInvoice): number | undefined {
  if (invoice.DueDate === undefined) return undefined;
  const time = Date.parse(`${invoice.DueDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(time) ? undefined : time;
}

/**
 * One account's roll-up: succeeded payments' received amounts, unpaid invoices' balances,
 * open and urgent tickets, and health (AT_RISK with an overdue invoice or an open urgent
 * ticket; WATCH with an open ticket or an open invoice due within 7 days; else HEALTHY).
 */
export function customer360(
  items: {
    payments: readonly RawPaymentIntent[];
    tickets: readonly RawTicket[];
    invoices: readonly RawInvoice[];
  },
  now: Date,
): Customer360View {
  const today = now.toISOString().slice(0, 10);
  const succeeded = items.payments.filter((p) => paymentStatus(p) === 'SUCCEEDED');
  const paid = byCurrency(
    succeeded.map((p) => ({
      money: moneyFromMinor(p.amount_received, p.currency),
      at: p.created * 1000,
    })),
  );
  const unpaid = items.invoices.filter((i) => {
    const status = invoiceStatus(i, today);
    return status === 'OPEN' || status === 'OVERDUE';
  });
  const owed = byCurrency(
    unpaid.map((i) => ({ money: moneyOf(i.Balance, invoiceCurrency(i)), at: dueTime(i) ?? 0 })),
  );
  const fallback = paid[0]?.currency ?? owed[0]?.currency ?? 'USD';
  const headline = (totals: CurrencyTotal[]): MoneyView =>
    totals[0] ? moneyOf(totals[0].amount, totals[0].currency) : moneyOf(0, fallback);
  const overdue = unpaid.filter((i) => invoiceStatus(i, today) === 'OVERDUE').length;
  const open = items.tickets.filter(isOpenTicket);
  const urgent = open.filter((t) => t.priority?.toUpperCase() === 'URGENT').length;
  const startOfDay = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  const dueSoon = unpaid.some((i) => {
    const due = dueTime(i);
    return due !== undefined && due >= startOfDay && due <= startOfDay + DUE_SOON_DAYS * DAY_MS;
  });
  const last = succeeded.reduce<number | null>(
    (latest, p) => (latest === null || p.created > latest ? p.created : latest),
    null,
  );
  const health: HealthView =
    overdue > 0 || urgent > 0 ? 'AT_RISK' : open.length > 0 || dueSoon ? 'WATCH' : 'HEALTHY';
  return {
    lifetimePayments: headline(paid),
    lastPaymentAt: last === null ? null : new Date(last * 1000).toISOString(),
    openInvoiceBalance: headline(owed),
    overdueInvoiceCount: overdue,
    openTicketCount: open.length,
    urgentTicketCount: urgent,
    health,
  };
}
