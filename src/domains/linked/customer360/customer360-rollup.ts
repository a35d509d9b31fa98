import { money, roundMoney, type Money } from '../money.type';
import { AccountHealth, type LinkedService } from './account-health.enum';
import type { Customer360 } from './customer360.type';

/** What the roll-up reads of a payment, a ticket and an invoice (the contract's field names). */
export interface PaymentFacts {
  status: string;
  amountReceived: Money;
  created: Date;
}

export interface TicketFacts {
  status: string;
  priority: string | null;
}

export interface InvoiceFacts {
  status: string;
  balance: Money;
  /** `YYYY-MM-DD` (the Date scalar's form) or a Date; null when the invoice has none. */
  dueDate: string | Date | null;
}

export interface RollupInput {
  /** Undefined: the service was not asked (not selected) or failed (then in `unavailable`). */
  payments?: readonly PaymentFacts[];
  tickets?: readonly TicketFacts[];
  invoices?: readonly InvoiceFacts[];
  opportunities?: { openAmount: number; wonAmount: number };
  unavailable: readonly LinkedService[];
  now: Date;
}

/** When an account has no payment and no invoice there is no currency to speak of. */
export const DEFAULT_CURRENCY = 'USD';
/** WATCH when an open invoice falls due within this many days. */
export const DUE_SOON_DAYS = 7;

const OPEN_TICKETS = new Set(['NEW', 'OPEN', 'PENDING', 'HOLD']);
const OPEN_INVOICES = new Set(['OPEN', 'OVERDUE']);
const DAY_MS = 86_400_000;

interface CurrencyTotal {
  currency: string;
  amount: number;
  count: number;
  latest: number;
}

/** Totals per currency, the main one first: most items, then the latest, then the code. */
function byCurrency(items: ReadonlyArray<{ money: Money; at: number }>): CurrencyTotal[] {
  const totals = new Map<string, CurrencyTotal>();
  for (const { money: value, at } of items) {
    const entry = totals.get(value.currency) ?? {
      currency: value.currency,
      amount: 0,
      count: 0,
      latest: Number.NEGATIVE_INFINITY,
    };
    entry.amount += value.amount;
    entry.count += 1;
    entry.latest = Math.max(entry.latest, at);
    totals.set(value.currency, entry);
  }
  return [...totals.values()].sort(
    (a, b) => b.count - a.count || b.latest - a.latest || (a.currency < b.currency ? -1 : 1),
  );
}

function headline(totals: CurrencyTotal[], fallbackCurrency: string): Money {
  const main = totals[0];
  return main ? money(main.amount, main.currency) : money(0, fallbackCurrency);
}

function listed(totals: CurrencyTotal[]): Money[] {
  return [...totals]
    .sort((a, b) => b.amount - a.amount || (a.currency < b.currency ? -1 : 1))
    .map((total) => money(total.amount, total.currency));
}

function dueTime(dueDate: string | Date | null): number | undefined {
  if (dueDate === null) return undefined;
  const time =
    dueDate instanceof Date ? dueDate.getTime() : Date.parse(`${dueDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(time) ? undefined : time;
}

/**
 * The health rule: AT_RISK with an overdue invoice or an open urgent ticket; WATCH with an open
 * ticket or an open invoice due within DUE_SOON_DAYS (UTC days, today included); else HEALTHY.
 */
export function healthOf(facts: {
  overdueInvoiceCount: number;
  urgentTicketCount: number;
  openTicketCount: number;
  invoiceDueSoon: boolean;
}): AccountHealth {
  if (facts.overdueInvoiceCount > 0 || facts.urgentTicketCount > 0) return AccountHealth.AT_RISK;
  if (facts.openTicketCount > 0 || facts.invoiceDueSoon) return AccountHealth.WATCH;
  return AccountHealth.HEALTHY;
}

/** One account's Customer360 from what each service answered (pure: tested without I/O). */
export function rollUpCustomer360(input: RollupInput): Customer360 {
  const succeeded = (input.payments ?? []).filter((p) => p.status === 'SUCCEEDED');
  const paymentTotals = byCurrency(
    succeeded.map((p) => ({ money: p.amountReceived, at: p.created.getTime() })),
  );
  const openInvoices = (input.invoices ?? []).filter((i) => OPEN_INVOICES.has(i.status));
  const invoiceTotals = byCurrency(
    openInvoices.map((i) => ({ money: i.balance, at: dueTime(i.dueDate) ?? 0 })),
  );
  const fallbackCurrency =
    paymentTotals[0]?.currency ?? invoiceTotals[0]?.currency ?? DEFAULT_CURRENCY;
  const openTickets = (input.tickets ?? []).filter((t) => OPEN_TICKETS.has(t.status));
  const today = Math.floor(input.now.getTime() / DAY_MS) * DAY_MS;
  const invoiceDueSoon = openInvoices.some((invoice) => {
    const due = dueTime(invoice.dueDate);
    return due !== undefined && due >= today && due <= today + DUE_SOON_DAYS * DAY_MS;
  });
  const overdueInvoiceCount = openInvoices.filter((i) => i.status === 'OVERDUE').length;
  const urgentTicketCount = openTickets.filter((t) => t.priority === 'URGENT').length;
  const lastPayment = succeeded.reduce<number | undefined>(
    (latest, p) => Math.max(latest ?? Number.NEGATIVE_INFINITY, p.created.getTime()),
    undefined,
  );
  return {
    lifetimePayments: headline(paymentTotals, fallbackCurrency),
    lifetimePaymentsByCurrency: listed(paymentTotals),
    lastPaymentAt: lastPayment === undefined ? null : new Date(lastPayment),
    openInvoiceBalance: headline(invoiceTotals, fallbackCurrency),
    openInvoiceBalanceByCurrency: listed(invoiceTotals),
    overdueInvoiceCount,
    openTicketCount: openTickets.length,
    urgentTicketCount,
    openPipelineAmount: roundMoney(input.opportunities?.openAmount ?? 0),
    wonAmount: roundMoney(input.opportunities?.wonAmount ?? 0),
    health: healthOf({
      overdueInvoiceCount,
      urgentTicketCount,
      openTicketCount: openTickets.length,
      invoiceDueSoon,
    }),
    unavailableServices: [...input.unavailable],
  };
}
