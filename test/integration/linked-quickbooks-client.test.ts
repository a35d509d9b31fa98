import { DEFAULT_LINKED_RESILIENCE, type QuickBooksSettings } from '../../src/config';
import {
  DEMO_QUICKBOOKS,
  type Invoice as QboInvoice,
  type RunningQuickBooksEmulator,
} from '../../src/emulators/quickbooks';
import { createLinkedResilience } from '../../src/upstreams/linked';
import { OperationScope, RowBudgetExceededError } from '../../src/upstreams/operation-scope';
import { createQuickBooksLoaders, createQuickBooksUpstream } from '../../src/upstreams/quickbooks';
import {
  admin,
  call,
  connectQuickBooks,
  startQuickBooks,
  stats,
} from '../helpers/quickbooks-target';

function settingsFor(emulator: RunningQuickBooksEmulator): QuickBooksSettings {
  return {
    clientId: DEMO_QUICKBOOKS.clientId,
    clientSecret: DEMO_QUICKBOOKS.clientSecret,
    realmId: emulator.realmId,
    refreshToken: DEMO_QUICKBOOKS.refreshToken,
    environment: 'sandbox',
    companyEndpoint: emulator.endpoint,
    tokenUrl: emulator.tokenUrl,
  };
}

function upstreamFor(emulator: RunningQuickBooksEmulator) {
  return createQuickBooksUpstream(
    { mode: 'live', settings: settingsFor(emulator), resilience: DEFAULT_LINKED_RESILIENCE },
    { resilience: createLinkedResilience('quickbooks', DEFAULT_LINKED_RESILIENCE) },
  );
}

const scope = (maxRows = 100_000) => new OperationScope({ requestId: 'test', maxRows });

// The client below the graph, against emulators over real sockets through the unmodified
// node-quickbooks and intuit-oauth.
describe('QuickBooks client (node-quickbooks + intuit-oauth, no globals)', () => {
  let big: RunningQuickBooksEmulator;
  let all: QboInvoice[];

  beforeAll(async () => {
    big = await startQuickBooks({ salesforce: { scale: 10 } });
    const qbo = await connectQuickBooks(big);
    const pages = await Promise.all(
      [1, 1001].map((offset) =>
        call<{ QueryResponse: { Invoice?: QboInvoice[] } }>((cb) =>
          qbo.findInvoices({ limit: 1000, offset } as never, cb as never),
        ),
      ),
    );
    all = pages.flatMap((p) => p.QueryResponse.Invoice ?? []);
    expect(all.length).toBeGreaterThan(1000);
  });

  beforeEach(async () => {
    await admin(big, 'stats/reset', {});
  });

  it('follows STARTPOSITION past 1,000 rows: every invoice once, one call per page, rows counted', async () => {
    const operation = scope();
    const statuses = ['EmailSent', 'NotSet', 'NeedToSend'];
    const rows = await upstreamFor(big)
      .api()
      .queryAll({ entity: 'Invoice', field: 'EmailStatus', values: statuses }, operation);
    expect((rows as QboInvoice[]).map((r) => r.Id).sort()).toEqual(all.map((i) => i.Id).sort());
    expect((await stats(big)).byEndpoint).toEqual({ query: Math.ceil(all.length / 1000) });
    expect(operation.rowsRead).toBe(all.length);
  });

  it('stops at the rows budget instead of reading every page', async () => {
    const operation = scope(500);
    await expect(
      upstreamFor(big)
        .api()
        .queryAll(
          { entity: 'Invoice', field: 'EmailStatus', values: ['EmailSent', 'NotSet'] },
          operation,
        ),
    ).rejects.toBeInstanceOf(RowBudgetExceededError);
    expect((await stats(big)).byEndpoint).toEqual({ query: 1 });
  });

  it("reads the company's home currency from Preferences once per process", async () => {
    const api = upstreamFor(big).api();
    expect(await api.companyHomeCurrency(scope())).toBe('USD');
    expect(await api.companyHomeCurrency(scope())).toBe('USD');
    expect((await stats(big)).byEndpoint).toEqual({ preferences: 1 });
  });

  it('two clients in one process each talk to their own company and token endpoint', async () => {
    const other = await startQuickBooks({
      realmId: '4620816365000000001',
      refreshToken: 'another-refresh-token',
    });
    const mine = upstreamFor(big);
    const theirs = createQuickBooksUpstream(
      {
        mode: 'live',
        settings: { ...settingsFor(other), refreshToken: 'another-refresh-token' },
        resilience: DEFAULT_LINKED_RESILIENCE,
      },
      { resilience: createLinkedResilience('quickbooks', DEFAULT_LINKED_RESILIENCE) },
    );
    await admin(other, 'stats/reset', {});
    const link = { customerId: all[0]!.CustomerRef.value, displayName: null };
    const [a, b] = await Promise.all([
      createQuickBooksLoaders(mine, scope()).invoicesByAccount.load(link),
      createQuickBooksLoaders(theirs, scope()).invoicesByAccount.load(link),
    ]);
    expect(a.invoices.map((i) => i.id).sort()).toEqual(
      all
        .filter((i) => i.CustomerRef.value === link.customerId)
        .map((i) => i.Id)
        .sort(),
    );
    expect(b.customerId).toBe(link.customerId);
    for (const emulator of [big, other]) {
      expect(await stats(emulator)).toMatchObject({
        byEndpoint: { query: 1 },
        oauth: { refresh_token: 1 },
      });
    }
    expect(createQuickBooksLoaders(theirs, scope()).realmId()).toBe('4620816365000000001');
  });
});
