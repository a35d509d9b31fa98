import type QuickBooks from 'node-quickbooks';
import type { Invoice as QboInvoice } from '../../src/emulators/quickbooks';
import { DEMO_QUICKBOOKS } from '../../src/emulators/quickbooks';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import {
  expectedStatus,
  gatewayQuickBooks,
  sdkInvoicesOf,
  seedLinks,
  type GatewayQuickBooks,
} from '../helpers/linked-quickbooks';
import { call } from '../helpers/quickbooks-target';

interface GqlInvoice {
  id: string;
  quickBooksId: string;
  docNumber: string | null;
  txnDate: string;
  dueDate: string | null;
  total: { amount: number; currency: string };
  balance: { amount: number; currency: string };
  status: string;
  quickBooksCustomerId: string;
  account: { id: string; name: string; industry?: string | null } | null;
}
interface InvoicePage {
  nodes: GqlInvoice[];
  edges: Array<{ cursor: string; node: { id: string } }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
interface AccountRow {
  id: string;
  name: string;
  invoices: InvoicePage;
}

const INVOICE_FIELDS = `id quickBooksId docNumber txnDate dueDate total { amount currency }
  balance { amount currency } status quickBooksCustomerId`;
const PAGE_OF_50 = `{ accounts(first: 50) { nodes { id name
  invoices(first: 10) { nodes { ${INVOICE_FIELDS} account { id name } } pageInfo { hasNextPage } } } } }`;

const today = new Date().toISOString().slice(0, 10);
const realm = DEMO_QUICKBOOKS.realmId;

/** What the contract says the gateway answers for one invoice read through the SDK. */
function expected(invoice: QboInvoice) {
  return {
    id: `quickbooks-invoice:${realm}:${invoice.Id}`,
    quickBooksId: invoice.Id,
    docNumber: invoice.DocNumber,
    txnDate: invoice.TxnDate,
    dueDate: invoice.DueDate,
    total: { amount: invoice.TotalAmt, currency: invoice.CurrencyRef.value },
    balance: { amount: invoice.Balance, currency: invoice.CurrencyRef.value },
    status: expectedStatus(invoice, today),
    quickBooksCustomerId: invoice.CustomerRef.value,
  };
}

/** Newest TxnDate first, then the higher Id. */
function newestFirst(a: QboInvoice, b: QboInvoice): number {
  if (a.TxnDate !== b.TxnDate) return a.TxnDate < b.TxnDate ? 1 : -1;
  return Number(b.Id) - Number(a.Id);
}

describe('Account.invoices, Invoice and node(id:) over QuickBooks Online (emulator)', () => {
  let gw: TestGateway;
  let qb: GatewayQuickBooks;
  let qbo: QuickBooks;
  let page: AccountRow[];
  const links = seedLinks();

  beforeAll(async () => {
    gw = await startTestGateway({ linked: {} });
    qb = gatewayQuickBooks(gw);
    qbo = await qb.sdk();
    const res = await gw.graphql<{ accounts: { nodes: AccountRow[] } }>(PAGE_OF_50);
    expect(res.errors).toBeUndefined();
    page = res.data!.accounts.nodes;
  });

  it('a page of 50 accounts costs 2 QuickBooks calls: one Customer DisplayName IN query and one Invoice CustomerRef IN query', async () => {
    await qb.resetStats();
    await gw.resetEmulatorStats();
    const res = await gw.graphql<{ accounts: { nodes: AccountRow[] } }>(PAGE_OF_50);
    expect(res.errors).toBeUndefined();
    expect(res.data!.accounts.nodes).toHaveLength(50);
    // The link fields come with the Accounts' own SOQL, and Invoice.account reached through
    // an Account is that Account: one Salesforce call for the whole page.
    expect((await gw.emulatorStats()).total).toBe(1);
    const stats = await qb.stats();
    expect(stats.byEndpoint).toEqual({ query: 2 });
    expect(stats.total).toBe(2);
    // The access token of the first query is still good: no new grant.
    expect(stats.oauth).toEqual({});
  });

  it('several invoices fields of the same accounts share that batched call (what the Customer360 roll-up relies on)', async () => {
    await qb.resetStats();
    const res = await gw.graphql(`{ accounts(first: 50) { nodes { id
      all: invoices(first: 5) { nodes { id } }
      overdue: invoices(first: 5, status: [OVERDUE]) { nodes { id status } }
      open: invoices(first: 1, status: [OPEN]) { nodes { id } } } } }`);
    expect(res.errors).toBeUndefined();
    expect((await qb.stats()).byEndpoint).toEqual({ query: 2 });
  });

  it('answers each account with exactly the invoices its QuickBooks customer has, field by field', async () => {
    const kinds = new Set<string>();
    for (const account of page) {
      const link = links.get(account.id);
      expect(link).toBeDefined();
      kinds.add(link!.kind);
      const own = link!.customerId ? await sdkInvoicesOf(qbo, link!.customerId) : [];
      expect(account.invoices.nodes.map(({ account: _a, ...rest }) => rest)).toEqual(
        [...own].sort(newestFirst).map(expected),
      );
      expect(account.invoices.pageInfo.hasNextPage).toBe(false);
      // Reached through the account: the back-link is that account.
      for (const invoice of account.invoices.nodes) {
        expect(invoice.account).toEqual({ id: account.id, name: account.name });
      }
    }
    // The page covers every linking rule: link field, DisplayName fallback, no customer.
    expect(kinds).toEqual(new Set(['id', 'displayName', 'none']));
    const statuses = new Set(page.flatMap((a) => a.invoices.nodes.map((i) => i.status)));
    expect(statuses).toEqual(new Set(['PAID', 'OPEN', 'OVERDUE']));
    const currencies = new Set(page.flatMap((a) => a.invoices.nodes.map((i) => i.total.currency)));
    expect(currencies.size).toBeGreaterThan(1);
  });

  it('an unlinked account (no link field, no customer of that name) has an empty connection', () => {
    const none = page.filter((a) => links.get(a.id)?.kind === 'none');
    expect(none.length).toBeGreaterThan(0);
    for (const account of none) expect(account.invoices.nodes).toEqual([]);
  });

  it('pages with first/after in the same order, and filters by status', async () => {
    const account = page.find((a) => a.invoices.nodes.length >= 3)!;
    const all = account.invoices.nodes.map((i) => i.id);
    const query = `query ($id: ID!, $after: String, $status: [InvoiceStatus!]) {
      account(id: $id) { invoices(first: 2, after: $after, status: $status) {
        nodes { id status } edges { cursor node { id } } pageInfo { hasNextPage endCursor } } } }`;
    type Res = {
      account: { invoices: InvoicePage & { nodes: Array<{ id: string; status: string }> } };
    };
    const seen: string[] = [];
    let after: string | null = null;
    for (let round = 0; round < 10; round++) {
      const res: Awaited<ReturnType<typeof gw.graphql<Res>>> = await gw.graphql<Res>(query, {
        id: account.id,
        after,
      });
      expect(res.errors).toBeUndefined();
      const invoices = res.data!.account.invoices;
      seen.push(...invoices.nodes.map((n) => n.id));
      expect(invoices.edges.map((e) => e.node.id)).toEqual(invoices.nodes.map((n) => n.id));
      if (!invoices.pageInfo.hasNextPage) break;
      after = invoices.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);

    const paidOrOverdue = await gw.graphql<Res>(query.replace('first: 2', 'first: 50'), {
      id: account.id,
      status: ['PAID', 'OVERDUE'],
    });
    expect(paidOrOverdue.data!.account.invoices.nodes.map((n) => n.id)).toEqual(
      account.invoices.nodes.filter((i) => ['PAID', 'OVERDUE'].includes(i.status)).map((i) => i.id),
    );
  });

  it("Invoice.account reached through an account answers fields the account's own query did not select", async () => {
    const industries = await gw.graphql<{
      accounts: { nodes: Array<{ id: string; industry: string | null }> };
    }>('{ accounts(first: 50) { nodes { id industry } } }');
    const industryOf = new Map(industries.data!.accounts.nodes.map((a) => [a.id, a.industry]));
    const account = page.find((a) => a.invoices.nodes.length > 0 && industryOf.get(a.id))!;
    const res = await gw.graphql<{
      account: { invoices: { nodes: Array<{ account: { id: string; industry: string | null } }> } };
    }>(`query ($id: ID!) { account(id: $id) { invoices { nodes { account { id industry } } } } }`, {
      id: account.id,
    });
    expect(res.errors).toBeUndefined();
    const { nodes } = res.data!.account.invoices;
    expect(nodes.length).toBe(account.invoices.nodes.length);
    for (const invoice of nodes) {
      expect(invoice.account).toEqual({ id: account.id, industry: industryOf.get(account.id) });
    }
  });

  it('bad first or after is BAD_USER_INPUT', async () => {
    const account = page[0]!;
    for (const args of ['first: -1', 'first: 5000', 'after: "not-a-cursor"']) {
      const res = await gw.graphql(
        `query ($id: ID!) { account(id: $id) { name invoices(${args}) { nodes { id } } } }`,
        { id: account.id },
      );
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('node(id:) answers the invoice with the same fields, and its account through the link field or the DisplayName', async () => {
    const byField = page.find(
      (a) => links.get(a.id)?.kind === 'id' && a.invoices.nodes.length > 0,
    )!;
    const byName = page.find(
      (a) => links.get(a.id)?.kind === 'displayName' && a.invoices.nodes.length > 0,
    )!;
    for (const account of [byField, byName]) {
      const invoice = account.invoices.nodes[0]!;
      const res = await gw.graphql<{ node: GqlInvoice & { __typename: string } }>(
        `query ($id: ID!) { node(id: $id) { __typename ... on Invoice { ${INVOICE_FIELDS} account { id name industry } } } }`,
        { id: invoice.id },
      );
      expect(res.errors).toBeUndefined();
      const { account: back, __typename, ...fields } = res.data!.node;
      expect(__typename).toBe('Invoice');
      expect(fields).toEqual((({ account: _a, ...rest }) => rest)(invoice));
      expect(back).toMatchObject({ id: account.id, name: account.name });
    }
  });

  it("node(id:) of a customer no account links to has no account; another realm's or a missing invoice is null", async () => {
    const all = await call<{ QueryResponse: { Invoice: QboInvoice[] } }>((cb) =>
      qbo.findInvoices({ limit: 1000 } as never, cb as never),
    );
    const walkIn = all.QueryResponse.Invoice.find(
      (i) => i.CustomerRef.name === 'Walk-in Customer',
    )!;
    const res = await gw.graphql<{
      walkIn: { quickBooksId: string; account: null } | null;
      other: null;
      missing: null;
    }>(
      `query ($walkIn: ID!, $other: ID!, $missing: ID!) {
        walkIn: node(id: $walkIn) { ... on Invoice { quickBooksId account { id } } }
        other: node(id: $other) { id }
        missing: node(id: $missing) { id } }`,
      {
        walkIn: `quickbooks-invoice:${realm}:${walkIn.Id}`,
        other: `quickbooks-invoice:123:${walkIn.Id}`,
        missing: `quickbooks-invoice:${realm}:999999`,
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      walkIn: { quickBooksId: walkIn.Id, account: null },
      other: null,
      missing: null,
    });
  });

  it('a malformed invoice id is BAD_USER_INPUT and never reaches QuickBooks', async () => {
    await qb.resetStats();
    for (const id of [
      'quickbooks-invoice:1',
      `quickbooks-invoice:${realm}:1' or Id > '0`,
      `quickbooks-invoice:${realm}:`,
    ]) {
      const res = await gw.graphql('query ($id: ID!) { node(id: $id) { id } }', { id });
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect((await qb.stats()).total).toBe(0);
  });
  it('names that try to break out of the DisplayName literal match no customer and cost one query', async () => {
    const walkIn = 'Walk-in Customer';
    const names = [
      "x') or DisplayName like ('%",
      `${walkIn}' or DisplayName = '${walkIn}`,
      `${walkIn}\\`,
      `\\' in ('Cash Sales') and Id > '0`,
    ];
    const ids: string[] = [];
    for (const name of names) {
      const created = await gw.graphql<{ createAccount: { id: string; name: string } }>(
        'mutation ($input: AccountCreateInput!) { createAccount(input: $input) { id name } }',
        { input: { name } },
      );
      expect(created.errors).toBeUndefined();
      expect(created.data!.createAccount.name).toBe(name);
      ids.push(created.data!.createAccount.id);
    }
    await qb.resetStats();
    const res = await gw.graphql<Record<string, { name: string; invoices: { nodes: unknown[] } }>>(
      `query (${ids.map((_id, i) => `$a${i}: ID!`).join(', ')}) { ${ids
        .map((_id, i) => `a${i}: account(id: $a${i}) { name invoices { nodes { id } } }`)
        .join(' ')} }`,
      Object.fromEntries(ids.map((id, i) => [`a${i}`, id])),
    );
    expect(res.errors).toBeUndefined();
    expect(Object.values(res.data!).map((a) => a.invoices.nodes)).toEqual(names.map(() => []));
    // One Customer query for the four names, no invoice query: nothing matched.
    expect((await qb.stats()).byEndpoint).toEqual({ query: 1 });
  });
  it('an invoice voided in QuickBooks answers VOIDED with zero amounts (and only the VOIDED filter keeps it)', async () => {
    const account = page.find((a) => a.invoices.nodes.some((i) => i.status !== 'PAID'))!;
    const target = account.invoices.nodes.find((i) => i.status !== 'PAID')!;
    await call((cb) => qbo.voidInvoice(target.quickBooksId, cb as never));
    const query = `query ($id: ID!, $status: [InvoiceStatus!]) { account(id: $id) {
      invoices(status: $status) { nodes { id status total { amount currency } balance { amount } } } } }`;
    type Res = {
      account: {
        invoices: {
          nodes: Array<{
            id: string;
            status: string;
            total: { amount: number; currency: string };
            balance: { amount: number };
          }>;
        };
      };
    };
    const voided = await gw.graphql<Res>(query, { id: account.id, status: ['VOIDED'] });
    expect(voided.errors).toBeUndefined();
    expect(voided.data!.account.invoices.nodes).toEqual([
      {
        id: target.id,
        status: 'VOIDED',
        total: { amount: 0, currency: target.total.currency },
        balance: { amount: 0 },
      },
    ]);
    const others = await gw.graphql<Res>(query, {
      id: account.id,
      status: ['PAID', 'OPEN', 'OVERDUE'],
    });
    expect(others.data!.account.invoices.nodes.map((i) => i.id)).not.toContain(target.id);
  });
});
