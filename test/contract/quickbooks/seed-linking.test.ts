import type QuickBooks from 'node-quickbooks';
import { DEFAULT_SEED, SEED_BASE_DATE, generateSalesforceSeed } from '../../../src/emulators/seed';
import type {
  Customer,
  Invoice,
  RunningQuickBooksEmulator,
} from '../../../src/emulators/quickbooks';
import { call, connectQuickBooks, startQuickBooks } from '../../helpers/quickbooks-target';

interface Page<T> {
  QueryResponse: Record<string, T[] | undefined>;
}

const SALESFORCE = { scale: 1, seed: DEFAULT_SEED, baseDate: SEED_BASE_DATE };
const accounts = generateSalesforceSeed(SALESFORCE)
  .records.filter((r) => r.objectName === 'Account')
  .map(({ record }) => ({
    Id: record.Id,
    Name: String(record.Name),
    link:
      typeof record.QuickBooks_Customer_Id__c === 'string'
        ? record.QuickBooks_Customer_Id__c
        : null,
  }));
const contactEmails = new Set(
  generateSalesforceSeed(SALESFORCE)
    .records.filter((r) => r.objectName === 'Contact' && typeof r.record.Email === 'string')
    .map((r) => String(r.record.Email)),
);

// The demo company as the gateway will see it: linked to the Salesforce seed by
// QuickBooks_Customer_Id__c, else by DisplayName = Account Name, some accounts not at all.
describe('QuickBooks seed linked to the Salesforce seed', () => {
  let emulator: RunningQuickBooksEmulator;
  let qbo: QuickBooks;
  const customers = async (criteria: unknown) =>
    (await call<Page<Customer>>((cb) => qbo.findCustomers(criteria as never, cb as never)))
      .QueryResponse.Customer ?? [];
  const invoices = async (criteria: unknown) =>
    (await call<Page<Invoice>>((cb) => qbo.findInvoices(criteria as never, cb as never)))
      .QueryResponse.Invoice ?? [];

  beforeAll(async () => {
    emulator = await startQuickBooks({ salesforce: SALESFORCE });
    qbo = await connectQuickBooks(emulator);
  });

  it('every account with QuickBooks_Customer_Id__c has a customer with exactly that Id', async () => {
    const linked = accounts.filter((a) => a.link !== null);
    expect(linked.length).toBeGreaterThan(0);
    const found = await customers({ Id: linked.map((a) => a.link) });
    expect(found.map((c) => c.Id).sort()).toEqual(linked.map((a) => a.link).sort());
    for (const account of linked) {
      const customer = found.find((c) => c.Id === account.link)!;
      expect([account.Name, `${account.Name} (${account.link})`]).toContain(customer.DisplayName);
    }
  });

  it('some accounts without the field are found by DisplayName = Account Name, the rest not at all', async () => {
    const unlinked = accounts.filter((a) => a.link === null);
    const byName = await customers({ DisplayName: unlinked.map((a) => a.Name) });
    const linkIds = new Set(accounts.map((a) => a.link));
    const fallback = unlinked.filter((a) => byName.some((c) => c.DisplayName === a.Name));
    const none = unlinked.filter((a) => !fallback.includes(a));
    expect(fallback.length).toBeGreaterThan(0);
    expect(none.length).toBeGreaterThan(0);
    // Most links go through the field; a fallback customer is never another account's id.
    expect(accounts.length - unlinked.length).toBeGreaterThan(fallback.length);
    for (const c of byName) expect(linkIds.has(c.Id)).toBe(false);
    // A fallback name is unique among the accounts, so it resolves to one account.
    for (const a of fallback) expect(accounts.filter((b) => b.Name === a.Name)).toHaveLength(1);
    const kinds = new Map(emulator.seed.links.map((l) => [l.accountId, l.kind]));
    for (const a of fallback) expect(kinds.get(a.Id)).toBe('displayName');
    for (const a of none) expect(kinds.get(a.Id)).toBe('none');
  });

  it('billing emails are the accounts’ contact emails', async () => {
    const withEmail = (await customers({ limit: 1000 })).filter((c) => c.PrimaryEmailAddr);
    expect(withEmail.length).toBeGreaterThan(0);
    for (const c of withEmail) expect(contactEmails.has(c.PrimaryEmailAddr!.Address)).toBe(true);
  });

  it('has overdue invoices and invoices due within 7 days of "now"', async () => {
    const overdue = await invoices([
      { field: 'DueDate', value: '2025-06-30', operator: '<' },
      { field: 'Balance', value: 0, operator: '>' },
    ]);
    const dueSoon = await invoices([
      { field: 'DueDate', value: '2025-06-30', operator: '>=' },
      { field: 'DueDate', value: '2025-07-07', operator: '<=' },
      { field: 'Balance', value: 0, operator: '>' },
    ]);
    const paid = await invoices({ Balance: 0 });
    expect(overdue.length).toBeGreaterThan(0);
    expect(dueSoon.length).toBeGreaterThan(0);
    expect(paid.length).toBeGreaterThan(0);
  });

  it('customers use several currencies; invoices follow their customer’s; balances add up', async () => {
    const all = await customers({ limit: 1000 });
    const bills = await invoices({ limit: 1000 });
    expect(new Set(all.map((c) => c.CurrencyRef.value)).size).toBeGreaterThanOrEqual(3);
    for (const customer of all) {
      const own = bills.filter((i) => i.CustomerRef.value === customer.Id);
      for (const i of own) expect(i.CurrencyRef.value).toBe(customer.CurrencyRef.value);
      const open = own.reduce((sum, i) => sum + i.Balance, 0);
      expect(customer.Balance).toBeCloseTo(open, 2);
    }
  });

  it('is deterministic: a second emulator serves the same data; "now" moves the due dates', async () => {
    const twin = await startQuickBooks({ salesforce: SALESFORCE });
    const twinQbo = await connectQuickBooks(twin);
    const all = (q: QuickBooks) =>
      Promise.all([
        call<Page<Customer>>((cb) => q.findCustomers({ limit: 1000 }, cb as never)),
        call<Page<Invoice>>((cb) => q.findInvoices({ limit: 1000 }, cb as never)),
      ]).then(([c, i]) => [c.QueryResponse, i.QueryResponse]);
    expect(await all(twinQbo)).toEqual(await all(qbo));

    const later = await startQuickBooks({ salesforce: SALESFORCE, now: '2025-07-10T08:00:00Z' });
    const laterQbo = await connectQuickBooks(later);
    const first = await call<Invoice>((cb) => laterQbo.getInvoice('1', cb as never));
    const shifted = Date.parse(first.DueDate) - Date.parse(emulator.seed.invoices[0]!.DueDate);
    expect(shifted).toBe(10 * 86_400_000);
  });

  it('a small org still shows every state: overdue, due soon and paid-up customers', async () => {
    const small = await startQuickBooks({ salesforce: { ...SALESFORCE, scale: 0.05 } });
    const linked = small.seed.links.filter((l) => l.kind === 'id').map((l) => l.customerId);
    const stateOf = (id: string | null) =>
      small.seed.invoices
        .filter((i) => i.CustomerRef.value === id)
        .map((i) =>
          i.Balance === 0
            ? 'paid'
            : i.DueDate < '2025-06-30'
              ? 'overdue'
              : i.DueDate <= '2025-07-07'
                ? 'dueSoon'
                : 'open',
        );
    expect(stateOf(linked[0]!)).toContain('overdue');
    expect(stateOf(linked[1]!)).toEqual(expect.arrayContaining(['dueSoon']));
    expect(stateOf(linked[1]!)).not.toContain('overdue');
    expect(new Set(stateOf(linked[2]!))).toEqual(new Set(['paid']));
  });
});
