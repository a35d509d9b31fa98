import type QuickBooks from 'node-quickbooks';
import type { RunningQuickBooksEmulator } from '../../../src/emulators/quickbooks';
import type { Customer, Invoice } from '../../../src/emulators/quickbooks';
import {
  call,
  connectQuickBooks,
  failure,
  faultOf,
  startQuickBooks,
  stats,
} from '../../helpers/quickbooks-target';

interface Page<T> {
  QueryResponse: Record<string, T[] | number | undefined> & {
    startPosition?: number;
    maxResults?: number;
    totalCount?: number;
  };
  time: string;
}

// The query language through node-quickbooks' find* helpers (which build
// `select * from <entity> where ... startposition N maxresults M`).
describe('QuickBooks query language (node-quickbooks 2.0)', () => {
  let emulator: RunningQuickBooksEmulator;
  let qbo: QuickBooks;
  const invoices = (criteria: unknown) =>
    call<Page<Invoice>>((cb) => qbo.findInvoices(criteria as never, cb as never));
  const customers = (criteria: unknown) =>
    call<Page<Customer>>((cb) => qbo.findCustomers(criteria as never, cb as never));
  const rows = <T>(page: Page<T>, key: string): T[] => (page.QueryResponse[key] as T[]) ?? [];

  beforeAll(async () => {
    emulator = await startQuickBooks();
    qbo = await connectQuickBooks(emulator);
  });

  it('CustomerRef IN (...) returns exactly those customers’ invoices, in Id order', async () => {
    const ids = ['1000', '1008'];
    const page = await invoices([{ field: 'CustomerRef', value: ids, operator: 'IN' }]);
    const expected = emulator.seed.invoices.filter((i) => ids.includes(i.CustomerRef.value));
    expect(expected.length).toBeGreaterThan(1);
    expect(rows(page, 'Invoice').map((i) => i.Id)).toEqual(expected.map((i) => i.Id));
    expect(page.QueryResponse.startPosition).toBe(1);
    // maxResults is the number of rows returned, not the requested page size.
    expect(page.QueryResponse.maxResults).toBe(expected.length);
  });

  it('an array value becomes IN, an object of several keys is AND-ed', async () => {
    const page = await invoices({ CustomerRef: ['1000', '1008'], Balance: 0 });
    const got = rows(page, 'Invoice');
    expect(got.length).toBeGreaterThan(0);
    for (const invoice of got) {
      expect(['1000', '1008']).toContain(invoice.CustomerRef.value);
      expect(invoice.Balance).toBe(0);
    }
  });

  it('answers an invoice with QBO’s fields and nesting', async () => {
    const [invoice] = rows(await invoices({ CustomerRef: '1000', limit: 1 }), 'Invoice');
    expect(invoice).toMatchObject({
      Id: expect.stringMatching(/^\d+$/),
      DocNumber: expect.any(String),
      TxnDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      DueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      TotalAmt: expect.any(Number),
      Balance: expect.any(Number),
      CurrencyRef: { value: expect.stringMatching(/^[A-Z]{3}$/), name: expect.any(String) },
      CustomerRef: { value: '1000', name: expect.any(String) },
      EmailStatus: expect.stringMatching(/^(NotSet|NeedToSend|EmailSent)$/),
      MetaData: {
        CreateTime: expect.stringMatching(/T.*-08:00$/),
        LastUpdatedTime: expect.any(String),
      },
    });
    const lines = invoice!.Line;
    expect(lines.at(-1)).toMatchObject({
      DetailType: 'SubTotalLineDetail',
      Amount: invoice!.TotalAmt,
    });
    expect(lines[0]).toMatchObject({
      DetailType: 'SalesItemLineDetail',
      SalesItemLineDetail: { ItemRef: { value: expect.any(String) } },
    });
  });

  it('answers a customer with QBO’s fields', async () => {
    const [customer] = rows(await customers({ Id: '1000' }), 'Customer');
    expect(customer).toMatchObject({
      Id: '1000',
      DisplayName: expect.any(String),
      CompanyName: expect.any(String),
      Balance: expect.any(Number),
      CurrencyRef: { value: expect.any(String) },
      Active: expect.any(Boolean),
    });
  });

  it('keywords and property names are case-insensitive (raw criteria string)', async () => {
    const page = await invoices(
      "WHERE customerref IN ('1000', '1008') AND BALANCE > '0' ORDERBY TotalAmt DESC STARTPOSITION 1 MAXRESULTS 2",
    );
    const got = rows(page, 'Invoice');
    expect(got.length).toBeGreaterThan(0);
    expect(got.length).toBeLessThanOrEqual(2);
    const amounts = got.map((i) => i.TotalAmt);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    for (const invoice of got) expect(invoice.Balance).toBeGreaterThan(0);
  });

  it('OR is not supported: 400 ValidationFault, QueryParserError, code 4000', async () => {
    const err = await failure(invoices("where CustomerRef = '1000' OR CustomerRef = '1008'"));
    const fault = faultOf(err);
    expect(fault).toMatchObject({ status: 400, type: 'ValidationFault' });
    expect(fault.error).toMatchObject({ Message: 'Error parsing query', code: '4000' });
    expect(fault.error.Detail).toMatch(
      /^QueryParserError: Encountered " <OR> "OR "" at line 1, column \d+/,
    );
    expect((err.response?.data as { time?: string }).time).toMatch(/-08:00$/);
  });

  it('a syntax error (unterminated string, !=) is a QueryParserError', async () => {
    for (const bad of ["where DisplayName = 'Acme", "where Balance != '0'"]) {
      const fault = faultOf(await failure(customers(bad)));
      expect(fault.error.code).toBe('4000');
      expect(fault.error.Detail).toMatch(/^QueryParserError:/);
    }
  });

  it('an unknown property or entity is "Invalid query" (4001)', async () => {
    const property = faultOf(await failure(customers({ Nickname: 'x' })));
    expect(property).toMatchObject({ status: 400, type: 'ValidationFault' });
    expect(property.error).toMatchObject({ Message: 'Invalid query', code: '4001' });
    expect(property.error.Detail).toContain("property 'Nickname' is not queryable");
    const entity = faultOf(await failure(call((cb) => qbo.findAccounts(cb as never))));
    expect(entity.error.code).toBe('4001');
  });

  it('MAXRESULTS is at most 1000', async () => {
    const fault = faultOf(await failure(invoices({ limit: 1001 })));
    expect(fault.error).toMatchObject({ code: '4001', Message: 'Invalid query' });
    expect(fault.error.Detail).toContain('Max allowed value is 1000');
    const page = await invoices({ limit: 1000 });
    expect(rows(page, 'Invoice')).toHaveLength(emulator.seed.invoices.length);
  });

  it('STARTPOSITION/MAXRESULTS page through the rows without overlap', async () => {
    const first = rows(await customers({ limit: 10, offset: 1 }), 'Customer');
    const second = rows(await customers({ limit: 10, offset: 11 }), 'Customer');
    expect(first).toHaveLength(10);
    expect(second).toHaveLength(10);
    const ids = [...first, ...second].map((c) => c.Id);
    expect(new Set(ids).size).toBe(20);
    expect(ids).toEqual(
      emulator.seed.customers
        .map((c) => c.Id)
        .sort((a, b) => +a - +b)
        .slice(0, 20),
    );
  });

  it('fetchAll follows the pages until one comes back short (maxResults = rows returned)', async () => {
    const before = await stats(emulator);
    const all = await customers([
      { field: 'fetchAll', value: true },
      { field: 'limit', value: 25 },
    ]);
    const total = emulator.seed.customers.length;
    expect(rows(all, 'Customer')).toHaveLength(total);
    const after = await stats(emulator);
    expect(after.byEndpoint.query! - (before.byEndpoint.query ?? 0)).toBe(
      Math.floor(total / 25) + 1,
    );
  });

  it('no match answers an empty QueryResponse {}', async () => {
    const page = await invoices({ CustomerRef: '999999' });
    expect(page.QueryResponse).toEqual({});
    expect(page.time).toEqual(expect.any(String));
  });

  it('=, <, >, LIKE, ORDERBY ... ASC and COUNT(*)', async () => {
    const due = rows(
      await invoices([{ field: 'DueDate', value: '2025-06-30', operator: '<' }]),
      'Invoice',
    );
    expect(due.length).toBeGreaterThan(0);
    for (const i of due) expect(i.DueDate < '2025-06-30').toBe(true);
    const big = rows(
      await invoices([{ field: 'TotalAmt', value: 10000, operator: '>' }]),
      'Invoice',
    );
    for (const i of big) expect(i.TotalAmt).toBeGreaterThan(10000);
    const like = rows(
      await customers([{ field: 'DisplayName', value: '%Sons', operator: 'LIKE' }]),
      'Customer',
    );
    expect(like.length).toBeGreaterThan(0);
    for (const c of like) expect(c.DisplayName.toLowerCase().endsWith('sons')).toBe(true);
    const sorted = rows(await customers({ asc: 'DisplayName', limit: 30 }), 'Customer').map(
      (c) => c.DisplayName,
    );
    expect(sorted).toEqual([...sorted].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const counted = await invoices({ count: true, CustomerRef: '1000' });
    expect(counted.QueryResponse).toEqual({
      totalCount: emulator.seed.invoices.filter((i) => i.CustomerRef.value === '1000').length,
    });
  });

  it('a quoted name with an escaped apostrophe matches exactly', async () => {
    const page = await customers({ DisplayName: "O'Brien & Sons" });
    expect(rows(page, 'Customer').map((c) => c.DisplayName)).toEqual(["O'Brien & Sons"]);
  });

  it('reads one invoice and one customer by id', async () => {
    const invoice = await call<Invoice>((cb) => qbo.getInvoice('1', cb as never));
    expect(invoice).toEqual(emulator.seed.invoices[0]);
    const customer = await call<Customer>((cb) => qbo.getCustomer('1000', cb as never));
    expect(customer.Id).toBe('1000');
  });

  it('an unknown id is 400 "Object Not Found" (610)', async () => {
    const fault = faultOf(await failure(call((cb) => qbo.getInvoice('424242', cb as never))));
    expect(fault).toMatchObject({ status: 400, type: 'ValidationFault' });
    expect(fault.error).toMatchObject({ Message: 'Object Not Found', code: '610' });
  });

  it('takes a long statement as a POST body; an unknown resource is "Unsupported Operation"', async () => {
    const base = `${emulator.endpoint}${emulator.realmId}`;
    const headers = { authorization: `Bearer ${qbo.token}`, accept: 'application/json' };
    const posted = await fetch(`${base}/query?minorversion=75`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/text' },
      body: "select count(*) from Invoice where CustomerRef = '1000'",
    });
    expect(posted.status).toBe(200);
    expect(((await posted.json()) as Page<Invoice>).QueryResponse.totalCount).toBeGreaterThan(0);
    const unknown = await fetch(`${base}/account/1?minorversion=75`, { headers });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({
      Fault: {
        type: 'ValidationFault',
        Error: [{ Message: 'Unsupported Operation', code: '500' }],
      },
    });
  });

  it('minorversion is accepted; versions below 75 are served as 75', async () => {
    qbo.minorversion = '40';
    try {
      const page = await invoices({ CustomerRef: '1000' });
      expect(rows(page, 'Invoice').length).toBeGreaterThan(0);
    } finally {
      qbo.minorversion = '75';
    }
  });
});
