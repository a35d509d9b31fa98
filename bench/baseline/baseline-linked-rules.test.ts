import {
  customer360,
  invoiceStatus,
  moneyFromMinor,
  paymentStatus,
  ticketStatus,
  type RawInvoice,
  type RawPaymentIntent,
  type RawTicket,
} from './baseline-linked-rules';

const TODAY = '2026-12-05';
const NOW = new Date(`${TODAY}T12:00:00Z`);

function intent(fields: Partial<RawPaymentIntent>): RawPaymentIntent {
  return {
    id: 'pi_1',
    amount: 1000,
    amount_received: 1000,
    currency: 'usd',
    status: 'succeeded',
    created: 1_700_000_000,
    description: null,
    ...fields,
  };
}

function ticket(fields: Partial<RawTicket>): RawTicket {
  return {
    id: 1,
    subject: 's',
    status: 'open',
    priority: 'normal',
    created_at: '2026-01-01T00:00:00Z',
    ...fields,
  };
}

function invoice(fields: Partial<RawInvoice>): RawInvoice {
  return {
    Id: '1',
    CustomerRef: { value: '1000' },
    TxnDate: '2026-11-01',
    DueDate: '2026-12-01',
    TotalAmt: 100,
    Balance: 100,
    CurrencyRef: { value: 'USD' },
    ...fields,
  };
}

describe('baseline linked rules', () => {
  it('reads Stripe amounts in major units, zero-decimal currencies as they are', () => {
    expect(moneyFromMinor(1234, 'usd')).toEqual({ amount: 12.34, currency: 'USD' });
    expect(moneyFromMinor(500, 'jpy')).toEqual({ amount: 500, currency: 'JPY' });
  });

  it.each([
    ['succeeded', undefined, 'SUCCEEDED'],
    ['processing', undefined, 'PROCESSING'],
    ['requires_action', undefined, 'REQUIRES_ACTION'],
    ['canceled', undefined, 'CANCELED'],
    ['requires_payment_method', undefined, 'REQUIRES_PAYMENT_METHOD'],
    ['requires_payment_method', { code: 'card_declined' }, 'FAILED'],
  ])('maps PaymentIntent %s (error %j) to %s', (status, error, expected) => {
    expect(paymentStatus(intent({ status, last_payment_error: error }))).toBe(expected);
  });

  it('maps Zendesk statuses one to one and leaves a deleted ticket out', () => {
    expect(ticketStatus(ticket({ status: 'hold' }))).toBe('HOLD');
    expect(ticketStatus(ticket({ status: 'deleted' }))).toBeUndefined();
  });

  it('calls a succeeded payment whose charge was refunded in full refunded', () => {
    const refunded = intent({ latest_charge: { refunded: true } });
    expect(paymentStatus(refunded)).toBe('REFUNDED');
    expect(paymentStatus(intent({ latest_charge: { refunded: false } }))).toBe('SUCCEEDED');
    expect(paymentStatus(intent({ latest_charge: 'ch_1' }))).toBe('SUCCEEDED');
    expect(paymentStatus(intent({ status: 'requires_capture' }))).toBe('PROCESSING');
  });

  it('calls an invoice paid without a balance, overdue past its due date, else open', () => {
    expect(invoiceStatus(invoice({ Balance: 0 }), TODAY)).toBe('PAID');
    const zeroed = { TotalAmt: 0, Balance: 0 };
    expect(invoiceStatus(invoice({ ...zeroed, PrivateNote: 'Voided - typo' }), TODAY)).toBe(
      'VOIDED',
    );
    expect(invoiceStatus(invoice({ ...zeroed, PrivateNote: 'free trial' }), TODAY)).toBe('PAID');
    expect(invoiceStatus(invoice({ DueDate: '2026-12-04' }), TODAY)).toBe('OVERDUE');
    expect(invoiceStatus(invoice({ DueDate: TODAY }), TODAY)).toBe('OPEN');
  });

  it('rolls up succeeded payments, open and urgent tickets and overdue invoices', () => {
    const view = customer360(
      {
        payments: [
          intent({ amount_received: 1050 }),
          intent({ amount_received: 2000, created: 1_700_000_500 }),
          intent({ status: 'canceled', amount_received: 0 }),
          intent({ currency: 'eur', amount_received: 99_900 }),
        ],
        tickets: [
          ticket({ status: 'open', priority: 'urgent' }),
          ticket({ status: 'pending' }),
          ticket({ status: 'solved', priority: 'urgent' }),
        ],
        invoices: [invoice({ DueDate: '2026-11-30' }), invoice({ Balance: 0 })],
      },
      NOW,
    );
    expect(view).toEqual({
      lifetimePayments: { amount: 30.5, currency: 'USD' },
      lastPaymentAt: new Date(1_700_000_500 * 1000).toISOString(),
      openInvoiceBalance: { amount: 100, currency: 'USD' },
      overdueInvoiceCount: 1,
      openTicketCount: 2,
      urgentTicketCount: 1,
      health: 'AT_RISK',
    });
  });

  it('is healthy with nothing open, watch with an open ticket or an invoice due within 7 days', () => {
    const empty = { payments: [], tickets: [], invoices: [] };
    expect(customer360(empty, NOW)).toMatchObject({
      health: 'HEALTHY',
      lifetimePayments: { amount: 0, currency: 'USD' },
      lastPaymentAt: null,
    });
    expect(customer360({ ...empty, tickets: [ticket({})] }, NOW).health).toBe('WATCH');
    const dueIn = (date: string) =>
      customer360({ ...empty, invoices: [invoice({ DueDate: date })] }, NOW).health;
    expect(dueIn('2026-12-12')).toBe('WATCH');
    expect(dueIn('2026-12-13')).toBe('HEALTHY');
  });

  it('heads each sum with its main currency (most items, then latest), never converting', () => {
    const view = customer360(
      {
        payments: [
          intent({ currency: 'eur', amount_received: 100, created: 1 }),
          intent({ currency: 'gbp', amount_received: 200, created: 2 }),
        ],
        tickets: [],
        invoices: [invoice({ CurrencyRef: { value: 'CAD' }, DueDate: '2027-01-01' })],
      },
      NOW,
    );
    expect(view.lifetimePayments).toEqual({ amount: 2, currency: 'GBP' });
    expect(view.openInvoiceBalance).toEqual({ amount: 100, currency: 'CAD' });
    const noPayments = customer360(
      { payments: [], tickets: [], invoices: [invoice({ CurrencyRef: { value: 'CAD' } })] },
      NOW,
    );
    expect(noPayments.lifetimePayments).toEqual({ amount: 0, currency: 'CAD' });
  });
});
