import type {
  Customer,
  Invoice,
  RunningQuickBooksEmulator,
} from '../../../src/emulators/quickbooks';
import {
  admin,
  call,
  connectQuickBooks,
  failure,
  faultOf,
  startQuickBooks,
  stats,
} from '../../helpers/quickbooks-target';

// Voiding an invoice as node-quickbooks does it (`voidInvoice`: read, then POST
// /invoice?operation=void): QBO keeps it with amounts and quantities zeroed and "Voided" in
// PrivateNote (https://blogs.intuit.com/2016/04/06/voiding-invoice-objects).
describe('QuickBooks invoice void', () => {
  let emulator: RunningQuickBooksEmulator;

  beforeAll(async () => {
    emulator = await startQuickBooks();
  });

  afterEach(async () => {
    await admin(emulator, 'reset', {});
  });

  it('zeroes the amounts, marks PrivateNote, bumps SyncToken and lowers the customer balance', async () => {
    const qbo = await connectQuickBooks(emulator);
    const open = emulator.seed.invoices.find((i) => i.Balance > 0)!;
    const before = await call<Customer>((cb) =>
      qbo.getCustomer(open.CustomerRef.value, cb as never),
    );
    const reply = await call<{ Invoice: Invoice }>((cb) => qbo.voidInvoice(open.Id, cb as never));
    expect(reply.Invoice).toMatchObject({
      Id: open.Id,
      TotalAmt: 0,
      Balance: 0,
      PrivateNote: 'Voided',
      SyncToken: String(Number(open.SyncToken) + 1),
    });
    const read = await call<Invoice>((cb) => qbo.getInvoice(open.Id, cb as never));
    expect(read.Line.every((line) => line.Amount === 0)).toBe(true);
    expect(read.DocNumber).toBe(open.DocNumber);
    const after = await call<Customer>((cb) =>
      qbo.getCustomer(open.CustomerRef.value, cb as never),
    );
    expect(after.Balance).toBeCloseTo(before.Balance - open.Balance, 2);
    expect((await stats(emulator)).byEndpoint).toMatchObject({ 'invoice.write': 1 });
  });

  it('a stale SyncToken is a 5010 Stale Object Error; an invoice without CustomerRef is refused', async () => {
    const qbo = await connectQuickBooks(emulator);
    const invoice = emulator.seed.invoices[0]!;
    const stale = faultOf(
      await failure(
        call((cb) => qbo.voidInvoice({ Id: invoice.Id, SyncToken: '7' } as never, cb as never)),
      ),
    );
    expect(stale).toMatchObject({ status: 400, type: 'ValidationFault' });
    expect(stale.error).toMatchObject({ Message: 'Stale Object Error', code: '5010' });
    const missing = faultOf(
      await failure(call((cb) => qbo.createInvoice({ Line: [] } as never, cb as never))),
    );
    expect(missing).toMatchObject({ status: 400, type: 'ValidationFault' });
    expect(missing.error.code).toBe('2020');
  });
});
