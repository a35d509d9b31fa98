import type { Connection } from 'jsforce';
import type Stripe from 'stripe';
import { SALESFORCE_ACCOUNT_ID_KEY } from '../../src/emulators/stripe';
import type { GraphQLResponse } from '../helpers/gateway';
import {
  customerPayments,
  expectedStatus,
  newestFirst,
  startStripeGateway,
  type StripeGateway,
} from '../helpers/linked-stripe-gateway';
import { directConnection, queryAll, type SalesforceRow } from '../helpers/salesforce-direct';

interface MoneyView {
  amount: number;
  currency: string;
}
interface PaymentView {
  id: string;
  amount: MoneyView;
  amountReceived: MoneyView;
  status: string;
  description: string | null;
  created: string;
  stripeCustomerId: string;
  invoiceNumber: string | null;
  receiptUrl: string | null;
  account: { id: string; name: string } | null;
}
interface PaymentPage {
  edges: Array<{ cursor: string; node: { id: string } }>;
  nodes: PaymentView[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
type Errors = Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>;
type Answer<T> = GraphQLResponse<T> & { errors?: Errors };

const PAYMENT_FIELDS = `
  id amount { amount currency } amountReceived { amount currency } status description created
  stripeCustomerId invoiceNumber receiptUrl account { id name }`;

const ACCOUNT_PAYMENTS = `
  query AccountPayments($id: ID!, $first: Int, $after: String, $status: [PaymentStatus!]) {
    account(id: $id) {
      id
      payments(first: $first, after: $after, status: $status) {
        edges { cursor node { id } }
        nodes { ${PAYMENT_FIELDS} }
        pageInfo { hasNextPage endCursor }
      }
    }
  }`;

/** Minor units of the seed's currencies (usd, eur, gbp, cad: two decimals). */
const major = (minor: number): number => minor / 100;

/** What the gateway must answer for a PaymentIntent read through the SDK. */
function expectedPayment(intent: Stripe.PaymentIntent): Omit<PaymentView, 'account'> {
  const charge = typeof intent.latest_charge === 'object' ? intent.latest_charge : null;
  return {
    id: `stripe-payment:${intent.id}`,
    amount: { amount: major(intent.amount), currency: intent.currency.toUpperCase() },
    amountReceived: {
      amount: major(intent.amount_received),
      currency: intent.currency.toUpperCase(),
    },
    status: expectedStatus(intent),
    description: intent.description,
    created: new Date(intent.created * 1000).toISOString(),
    stripeCustomerId: intent.customer as string,
    invoiceNumber: intent.metadata.invoice_number ?? null,
    receiptUrl: charge?.receipt_url ?? null,
  };
}

const withoutAccount = ({ account: _account, ...rest }: PaymentView) => rest;

describe('Account.payments over the Stripe emulator', () => {
  let s: StripeGateway;
  let sf: Connection;
  let accounts: SalesforceRow[];

  beforeAll(async () => {
    s = await startStripeGateway();
    sf = await directConnection(s.gw.emulatorUrl);
    accounts = await queryAll(sf, 'SELECT Id, Name, Stripe_Customer_Id__c FROM Account');
  }, 60_000);

  afterEach(() => s.reset());

  async function accountPayments(
    id: string,
    args: { first?: number; after?: string | null; status?: string[] } = {},
  ): Promise<Answer<{ account: { id: string; payments: PaymentPage } | null }>> {
    return s.gw.graphql(ACCOUNT_PAYMENTS, { id, first: 100, ...args });
  }

  /** Accounts linked by field whose customer has at least `min` payments. */
  async function linkedAccountWith(
    min: number,
  ): Promise<{ account: SalesforceRow; intents: Stripe.PaymentIntent[] }> {
    for (const account of accounts.filter((a) => a.Stripe_Customer_Id__c)) {
      const intents = await customerPayments(s.stripe, account.Stripe_Customer_Id__c as string);
      if (intents.length >= min) return { account, intents };
    }
    throw new Error(`no linked account with ${min} payments`);
  }

  /** Metadata customers per account without a link field, read through the SDK. */
  async function metadataCustomersOf(accountId: string): Promise<Stripe.Customer[]> {
    const found = await s.stripe.customers.search({
      query: `metadata['${SALESFORCE_ACCOUNT_ID_KEY}']:'${accountId}'`,
      limit: 100,
    });
    return found.data;
  }

  it('answers every field of a field-linked account’s payments as Stripe holds them, newest first', async () => {
    const { account, intents } = await linkedAccountWith(4);
    const res = await accountPayments(account.Id);
    expect(res.errors).toBeUndefined();
    const payments = res.data!.account!.payments;
    expect(payments.nodes.map(withoutAccount)).toEqual(
      [...intents].sort(newestFirst).map(expectedPayment),
    );
    expect(payments.nodes.every((p) => p.account?.id === account.Id)).toBe(true);
    expect(payments.nodes[0]?.account?.name).toBe(account.Name);
    // The seed's paid payments have receipts; unpaid ones have none.
    const paid = payments.nodes.filter((p) => p.status === 'SUCCEEDED');
    expect(paid.length).toBeGreaterThan(0);
    expect(paid.every((p) => p.receiptUrl?.startsWith('https://pay.stripe.com/receipts/'))).toBe(
      true,
    );
  });

  it('links through metadata when the link field is empty, over every such customer, and only then', async () => {
    let target: { account: SalesforceRow; customers: Stripe.Customer[] } | undefined;
    for (const account of accounts.filter((a) => !a.Stripe_Customer_Id__c)) {
      const customers = await metadataCustomersOf(account.Id);
      if (customers.length > 0) {
        target = { account, customers };
        break;
      }
    }
    if (!target) throw new Error('the seed has no metadata-linked account');
    // A second customer for the same Account, with a paid payment carrying an invoice number.
    const second = await s.stripe.customers.create({
      name: 'Second billing entity',
      metadata: { [SALESFORCE_ACCOUNT_ID_KEY]: target.account.Id },
    });
    const extra = await s.stripe.paymentIntents.create({
      amount: 12_345,
      currency: 'usd',
      customer: second.id,
      payment_method: 'pm_card_visa',
      confirm: true,
      description: 'Second entity payment',
      metadata: { invoice_number: 'INV-2026-0042' },
    });
    // A customer naming a field-linked Account in its metadata is ignored for that Account.
    const linked = accounts.find((a) => a.Stripe_Customer_Id__c) as SalesforceRow;
    const stray = await s.stripe.customers.create({
      metadata: { [SALESFORCE_ACCOUNT_ID_KEY]: linked.Id },
    });
    await s.stripe.paymentIntents.create({ amount: 5000, currency: 'usd', customer: stray.id });

    const expected: Stripe.PaymentIntent[] = [];
    for (const customer of [...target.customers, second]) {
      expected.push(...(await customerPayments(s.stripe, customer.id)));
    }
    const res = await accountPayments(target.account.Id);
    expect(res.errors).toBeUndefined();
    const nodes = res.data!.account!.payments.nodes;
    expect(nodes.map(withoutAccount)).toEqual(expected.sort(newestFirst).map(expectedPayment));
    const added = nodes.find((p) => p.id === `stripe-payment:${extra.id}`);
    expect(added).toMatchObject({
      invoiceNumber: 'INV-2026-0042',
      status: 'SUCCEEDED',
      amount: { amount: 123.45, currency: 'USD' },
      amountReceived: { amount: 123.45, currency: 'USD' },
      stripeCustomerId: second.id,
      account: { id: target.account.Id },
    });

    const linkedRes = await accountPayments(linked.Id);
    const linkedIds = linkedRes.data!.account!.payments.nodes.map((p) => p.stripeCustomerId);
    expect(new Set(linkedIds)).toEqual(
      linkedIds.length === 0 ? new Set() : new Set([linked.Stripe_Customer_Id__c]),
    );
  });

  it('answers an empty connection for an account Stripe does not know, after one customer search', async () => {
    let unknown: SalesforceRow | undefined;
    for (const account of accounts.filter((a) => !a.Stripe_Customer_Id__c)) {
      if ((await metadataCustomersOf(account.Id)).length === 0) {
        unknown = account;
        break;
      }
    }
    await s.resetStats();
    const res = await accountPayments(unknown!.Id);
    expect(res.errors).toBeUndefined();
    expect(res.data!.account!.payments).toEqual({
      edges: [],
      nodes: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
    const stats = await s.stats();
    expect(stats.byEndpoint).toEqual({ 'GET /v1/customers/search': 1 });
  });

  it('pages with first/after through every payment exactly once, and filters by status', async () => {
    const { account, intents } = await linkedAccountWith(5);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res = await accountPayments(account.Id, { first: 2, after });
      expect(res.errors).toBeUndefined();
      const page: PaymentPage = res.data!.account!.payments;
      expect(page.edges.map((e) => e.node.id)).toEqual(page.nodes.map((n) => n.id));
      seen.push(...page.nodes.map((n) => n.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual([...intents].sort(newestFirst).map((i) => `stripe-payment:${i.id}`));

    // Refund one paid payment in full: it becomes REFUNDED and leaves SUCCEEDED.
    const paid = intents.find((i) => expectedStatus(i) === 'SUCCEEDED') as Stripe.PaymentIntent;
    await s.stripe.refunds.create({ payment_intent: paid.id });
    const after2 = await customerPayments(s.stripe, account.Stripe_Customer_Id__c as string);
    for (const statuses of [['REFUNDED'], ['SUCCEEDED', 'FAILED'], ['CANCELED', 'PROCESSING']]) {
      const res = await accountPayments(account.Id, { status: statuses });
      expect(res.errors).toBeUndefined();
      expect(res.data!.account!.payments.nodes.map((p) => p.id)).toEqual(
        after2
          .filter((i) => statuses.includes(expectedStatus(i)))
          .sort(newestFirst)
          .map((i) => `stripe-payment:${i.id}`),
      );
    }
    const refunded = await accountPayments(account.Id, { status: ['REFUNDED'] });
    expect(refunded.data!.account!.payments.nodes.map((p) => p.id)).toContain(
      `stripe-payment:${paid.id}`,
    );
  });

  it.each([
    [{ first: -1 }, 'first'],
    [{ first: 201 }, 'first'],
    [{ after: 'not-a-cursor' }, 'after'],
    [{ after: Buffer.from('["Ticket",1,"x"]').toString('base64url') }, 'after'],
  ])('refuses %j with BAD_USER_INPUT before calling Stripe', async (args, argument) => {
    const linked = accounts.find((a) => a.Stripe_Customer_Id__c) as SalesforceRow;
    await s.resetStats();
    const res = await accountPayments(linked.Id, args);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(res.errors?.[0]?.path).toEqual(['account', 'payments']);
    expect((await s.stats()).total).toBe(0);
  });

  it('finds a payment by node(id), with its account by link field or by customer metadata', async () => {
    const { account, intents } = await linkedAccountWith(1);
    const intent = (await s.stripe.paymentIntents.retrieve(intents[0]!.id, {
      expand: ['latest_charge'],
    })) as Stripe.PaymentIntent;
    const byField = await s.gw.graphql<{ node: PaymentView | null }>(
      `query ($id: ID!) { node(id: $id) { __typename ... on Payment { ${PAYMENT_FIELDS} } } }`,
      { id: `stripe-payment:${intent.id}` },
    );
    expect(byField.errors).toBeUndefined();
    expect(byField.data!.node).toEqual({
      __typename: 'Payment',
      ...expectedPayment(intent),
      account: { id: account.Id, name: account.Name },
    });

    // A customer linked by metadata only: the account comes from the customer's metadata.
    const unlinked = accounts.find((a) => !a.Stripe_Customer_Id__c) as SalesforceRow;
    const customer = await s.stripe.customers.create({
      metadata: { [SALESFORCE_ACCOUNT_ID_KEY]: unlinked.Id },
    });
    const pi = await s.stripe.paymentIntents.create({
      amount: 900,
      currency: 'eur',
      customer: customer.id,
    });
    const byMetadata = await s.gw.graphql<{ node: PaymentView | null }>(
      `query ($id: ID!) { node(id: $id) { ... on Payment { status amount { amount currency } account { id } } } }`,
      { id: `stripe-payment:${pi.id}` },
    );
    expect(byMetadata.errors).toBeUndefined();
    expect(byMetadata.data!.node).toEqual({
      status: 'REQUIRES_PAYMENT_METHOD',
      amount: { amount: 9, currency: 'EUR' },
      account: { id: unlinked.Id },
    });

    // A customer nobody links: no account.
    const orphan = await s.stripe.customers.create({ name: 'Nobody' });
    const orphanPi = await s.stripe.paymentIntents.create({
      amount: 900,
      currency: 'usd',
      customer: orphan.id,
    });
    const none = await s.gw.graphql<{ node: { account: null } | null }>(
      `query ($id: ID!) { node(id: $id) { ... on Payment { account { id } } } }`,
      { id: `stripe-payment:${orphanPi.id}` },
    );
    expect(none).toEqual({ data: { node: { account: null } } });
  });

  it('answers node null for an unknown PaymentIntent and BAD_USER_INPUT for a malformed one', async () => {
    const missing = await s.gw.graphql<{ node: null }>(
      '{ node(id: "stripe-payment:pi_DoesNotExist123") { id } }',
    );
    expect(missing).toEqual({ data: { node: null } });
    for (const id of [
      "stripe-payment:pi_x' OR 1",
      'stripe-payment:cus_123',
      'stripe-payment:pi_',
    ]) {
      const res = await s.gw.graphql<{ node: null }>('query ($id: ID!) { node(id: $id) { id } }', {
        id,
      });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    }
  });

  it('costs 4 customer searches and 3 PaymentIntent searches for a page of 50 accounts, issued in parallel', async () => {
    const query = `{ accounts(first: 50) { nodes { id payments(first: 100) { nodes { id status account { id } } } } } }`;
    await s.resetStats();
    const res = await s.gw.graphql<{
      accounts: {
        nodes: Array<{
          id: string;
          payments: { nodes: Array<{ id: string; status: string; account: { id: string } }> };
        }>;
      };
    }>(query);
    expect(res.errors).toBeUndefined();
    const stats = await s.stats();
    const page = res.data!.accounts.nodes;
    expect(page).toHaveLength(50);
    const rows = new Map(accounts.map((a) => [a.Id, a]));
    const unlinked = page.filter((a) => !rows.get(a.id)?.Stripe_Customer_Id__c);
    const customers = new Set<string>();
    const expected = new Map<string, string[]>();
    for (const a of page) {
      const link = rows.get(a.id)?.Stripe_Customer_Id__c as string | null;
      const ids = link ? [link] : (await metadataCustomersOf(a.id)).map((c) => c.id);
      ids.forEach((id) => customers.add(id));
      const intents: Stripe.PaymentIntent[] = [];
      for (const id of ids) intents.push(...(await customerPayments(s.stripe, id)));
      expected.set(
        a.id,
        intents.sort(newestFirst).map((i) => `${i.id}:${expectedStatus(i)}`),
      );
    }
    for (const a of page) {
      expect(
        a.payments.nodes.map((p) => `${p.id.slice('stripe-payment:'.length)}:${p.status}`),
      ).toEqual(expected.get(a.id));
      expect(a.payments.nodes.every((p) => p.account.id === a.id)).toBe(true);
    }
    expect([...expected.values()].flat().length).toBeGreaterThan(50);
    // One customer search per 10 accounts without a link field, one PaymentIntent search per
    // 10 customers (each under 100 payments: one page): 36 → 4 and 26 → 3 on this seed.
    expect(unlinked).toHaveLength(36);
    expect(customers.size).toBe(26);
    expect(stats.byEndpoint).toEqual({
      'GET /v1/customers/search': 4,
      'GET /v1/payment_intents/search': 3,
    });
    expect(stats.total).toBe(7);

    // The same accounts' payments selected twice (as Customer360 shares them): no extra call.
    await s.resetStats();
    const twice = await s.gw.graphql(
      `{ accounts(first: 50) { nodes { id a: payments(first: 1) { nodes { id } } b: payments(status: [FAILED]) { nodes { id } } } } }`,
    );
    expect(twice.errors).toBeUndefined();
    expect((await s.stats()).total).toBe(7);

    // In parallel: while each call takes 200 ms, the 4 customer searches are all in flight
    // at once (then the 3 PaymentIntent searches); one after another, never more than 1.
    await s.faults({ latencyMs: 200 });
    await s.resetStats();
    const slow = await s.gw.graphql(query);
    expect(slow.errors).toBeUndefined();
    const slowStats = await s.stats();
    expect(slowStats.total).toBe(7);
    expect(slowStats.maxInFlight).toBe(4);
  });

  it('skips the customer search when every account has its link field', async () => {
    const linked = accounts.filter((a) => a.Stripe_Customer_Id__c).slice(0, 12);
    const query = `{ ${linked
      .map((a, i) => `a${i}: account(id: "${a.Id}") { payments { nodes { id } } }`)
      .join(' ')} }`;
    await s.resetStats();
    const res =
      await s.gw.graphql<Record<string, { payments: { nodes: Array<{ id: string }> } }>>(query);
    expect(res.errors).toBeUndefined();
    // 12 customers: two PaymentIntent searches (10 + 2), no customer search.
    expect((await s.stats()).byEndpoint).toEqual({ 'GET /v1/payment_intents/search': 2 });
    for (const [i, a] of linked.entries()) {
      const intents = await customerPayments(s.stripe, a.Stripe_Customer_Id__c as string);
      expect(res.data![`a${i}`]!.payments.nodes.map((p) => p.id)).toEqual(
        intents
          .sort(newestFirst)
          .slice(0, 20)
          .map((p) => `stripe-payment:${p.id}`),
      );
    }
  });
});
