import { money } from '../money.type';
import { AccountHealth, LinkedService } from './account-health.enum';
import { DEFAULT_CURRENCY, rollUpCustomer360 } from './customer360-rollup';

const NOW = new Date('2026-12-05T15:00:00Z');
const payment = (status: string, amount: number, currency: string, created: string) => ({
  status,
  amountReceived: money(amount, currency),
  created: new Date(created),
});
const invoice = (status: string, balance: number, currency: string, dueDate: string | null) => ({
  status,
  balance: money(balance, currency),
  dueDate,
});

describe('rollUpCustomer360', () => {
  it('sums succeeded payments only, to the cent, and keeps the latest payment time', () => {
    const result = rollUpCustomer360({
      payments: [
        payment('SUCCEEDED', 0.1, 'USD', '2026-01-01T00:00:00Z'),
        payment('SUCCEEDED', 0.2, 'USD', '2026-03-01T00:00:00Z'),
        payment('FAILED', 500, 'USD', '2026-04-01T00:00:00Z'),
        payment('REFUNDED', 70, 'USD', '2026-05-01T00:00:00Z'),
      ],
      unavailable: [],
      now: NOW,
    });
    expect(result.lifetimePayments).toEqual({ amount: 0.3, currency: 'USD' });
    expect(result.lastPaymentAt?.toISOString()).toBe('2026-03-01T00:00:00.000Z');
  });

  it('reports several currencies without converting: the main one has the most payments', () => {
    const result = rollUpCustomer360({
      payments: [
        payment('SUCCEEDED', 1000, 'EUR', '2026-01-01T00:00:00Z'),
        payment('SUCCEEDED', 10, 'USD', '2026-02-01T00:00:00Z'),
        payment('SUCCEEDED', 20, 'USD', '2026-02-02T00:00:00Z'),
      ],
      unavailable: [],
      now: NOW,
    });
    expect(result.lifetimePayments).toEqual({ amount: 30, currency: 'USD' });
    // Largest amount first in the list.
    expect(result.lifetimePaymentsByCurrency).toEqual([
      { amount: 1000, currency: 'EUR' },
      { amount: 30, currency: 'USD' },
    ]);
  });

  it('breaks a tie in payment count by the latest payment', () => {
    const result = rollUpCustomer360({
      payments: [
        payment('SUCCEEDED', 5, 'GBP', '2026-06-01T00:00:00Z'),
        payment('SUCCEEDED', 9, 'EUR', '2026-01-01T00:00:00Z'),
      ],
      unavailable: [],
      now: NOW,
    });
    expect(result.lifetimePayments.currency).toBe('GBP');
  });

  it('counts open and urgent tickets; an urgent SOLVED ticket is not open', () => {
    const result = rollUpCustomer360({
      tickets: [
        { status: 'NEW', priority: 'LOW' },
        { status: 'PENDING', priority: null },
        { status: 'HOLD', priority: 'URGENT' },
        { status: 'SOLVED', priority: 'URGENT' },
        { status: 'CLOSED', priority: 'HIGH' },
      ],
      unavailable: [],
      now: NOW,
    });
    expect(result.openTicketCount).toBe(3);
    expect(result.urgentTicketCount).toBe(1);
    expect(result.health).toBe(AccountHealth.AT_RISK);
  });

  it('sums open and overdue balances; PAID and VOIDED invoices count for nothing', () => {
    const result = rollUpCustomer360({
      invoices: [
        invoice('OPEN', 100.5, 'USD', '2027-01-30'),
        invoice('OVERDUE', 50.25, 'USD', '2026-11-01'),
        invoice('PAID', 0, 'USD', '2026-10-01'),
        invoice('VOIDED', 0, 'USD', '2026-10-01'),
      ],
      unavailable: [],
      now: NOW,
    });
    expect(result.openInvoiceBalance).toEqual({ amount: 150.75, currency: 'USD' });
    expect(result.overdueInvoiceCount).toBe(1);
    expect(result.health).toBe(AccountHealth.AT_RISK);
  });

  it('is WATCH with an open invoice due within 7 days (today and day 7 included), HEALTHY after', () => {
    const health = (dueDate: string) =>
      rollUpCustomer360({
        invoices: [invoice('OPEN', 10, 'USD', dueDate)],
        unavailable: [],
        now: NOW,
      }).health;
    expect(health('2026-12-05')).toBe(AccountHealth.WATCH);
    expect(health('2026-12-12')).toBe(AccountHealth.WATCH);
    expect(health('2026-12-13')).toBe(AccountHealth.HEALTHY);
  });

  it('is WATCH with an open ticket of normal priority, HEALTHY with nothing open', () => {
    const run = (status: string) =>
      rollUpCustomer360({ tickets: [{ status, priority: 'NORMAL' }], unavailable: [], now: NOW })
        .health;
    expect(run('OPEN')).toBe(AccountHealth.WATCH);
    expect(run('SOLVED')).toBe(AccountHealth.HEALTHY);
  });

  it('answers zeros in the default currency for an account with nothing linked', () => {
    const result = rollUpCustomer360({ unavailable: [], now: NOW });
    expect(result).toMatchObject({
      lifetimePayments: { amount: 0, currency: DEFAULT_CURRENCY },
      lifetimePaymentsByCurrency: [],
      lastPaymentAt: null,
      openInvoiceBalance: { amount: 0, currency: DEFAULT_CURRENCY },
      overdueInvoiceCount: 0,
      openTicketCount: 0,
      urgentTicketCount: 0,
      openPipelineAmount: 0,
      wonAmount: 0,
      health: AccountHealth.HEALTHY,
      unavailableServices: [],
    });
  });

  it('uses the payment currency for an empty invoice balance, and lists failed services', () => {
    const result = rollUpCustomer360({
      payments: [payment('SUCCEEDED', 12, 'EUR', '2026-01-01T00:00:00Z')],
      opportunities: { openAmount: 1000.005, wonAmount: 250 },
      unavailable: [LinkedService.QUICKBOOKS],
      now: NOW,
    });
    expect(result.openInvoiceBalance).toEqual({ amount: 0, currency: 'EUR' });
    expect(result.openPipelineAmount).toBe(1000.01);
    expect(result.wonAmount).toBe(250);
    expect(result.unavailableServices).toEqual([LinkedService.QUICKBOOKS]);
  });
});
