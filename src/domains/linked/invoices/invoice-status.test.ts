import { invoiceStatus, InvoiceStatus, utcToday } from './invoice-status';

const today = '2025-06-30';
const base = { totalAmt: 100, balance: 100, dueDate: '2025-07-15', privateNote: null };

describe('invoiceStatus', () => {
  it.each([
    [
      'voided: amounts zeroed and PrivateNote "Voided"',
      { ...base, totalAmt: 0, balance: 0, privateNote: 'Voided' },
      InvoiceStatus.VOIDED,
    ],
    [
      'voided with the earlier note kept after the mark',
      { ...base, totalAmt: 0, balance: 0, privateNote: 'Voided - duplicate of 1042' },
      InvoiceStatus.VOIDED,
    ],
    [
      'a "Voided" note on a live invoice is not a void',
      { ...base, privateNote: 'Voided by mistake, reissued' },
      InvoiceStatus.OPEN,
    ],
    [
      'a zero invoice without the mark is paid',
      { ...base, totalAmt: 0, balance: 0 },
      InvoiceStatus.PAID,
    ],
    ['paid: balance 0', { ...base, balance: 0 }, InvoiceStatus.PAID],
    [
      'paid even when the due date passed',
      { ...base, balance: 0, dueDate: '2025-01-01' },
      InvoiceStatus.PAID,
    ],
    [
      'overdue: balance and due yesterday',
      { ...base, dueDate: '2025-06-29' },
      InvoiceStatus.OVERDUE,
    ],
    [
      'partly paid and overdue',
      { ...base, balance: 50, dueDate: '2025-05-01' },
      InvoiceStatus.OVERDUE,
    ],
    ['open: due today', { ...base, dueDate: today }, InvoiceStatus.OPEN],
    ['open: no due date', { ...base, dueDate: null }, InvoiceStatus.OPEN],
  ])('%s', (_label, invoice, expected) => {
    expect(invoiceStatus(invoice, today)).toBe(expected);
  });

  it('takes today in UTC', () => {
    expect(utcToday(new Date('2025-06-30T23:30:00-05:00'))).toBe('2025-07-01');
  });
});
