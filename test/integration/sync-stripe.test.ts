/**
 * syncStripePayments over HTTP against the emulators: Stripe PaymentIntents into
 * Stripe_Payment__c, read back with jsforce directly. Call counts come from both emulators'
 * stats: what the sync costs in Salesforce API calls and Stripe pages.
 */
import type { Connection } from 'jsforce';
import type Stripe from 'stripe';
import { directConnection, queryAll } from '../helpers/salesforce-direct';
import { startStripeGateway, type StripeGateway } from '../helpers/linked-stripe-gateway';
import { gatewaySessionToken } from '../helpers/gateway-login';
import { startTestGateway } from '../helpers/gateway';

interface SyncResultView {
  source: string;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  errors: string[];
  syncedAt: string;
}

const SYNC = `mutation Sync($accountId: ID, $since: DateTime) {
  syncStripePayments(accountId: $accountId, since: $since) {
    source created updated unchanged failed errors syncedAt
  }
}`;

let s: StripeGateway;
let sf: Connection;

async function sync(
  variables: Record<string, unknown>,
  headers?: Record<string, string>,
): Promise<{
  result?: SyncResultView;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}> {
  const res = await s.gw.graphql<{ syncStripePayments: SyncResultView }>(SYNC, variables, headers);
  return { result: res.data?.syncStripePayments, errors: res.errors };
}

/** A new Salesforce Account linked by its field to a new Stripe customer. */
async function linkedAccount(name: string): Promise<{ accountId: string; customer: string }> {
  const customer = await s.stripe.customers.create({ name });
  const created = await sf
    .sobject('Account')
    .create({ Name: name, Stripe_Customer_Id__c: customer.id });
  if (!created.success) throw new Error('account not created');
  return { accountId: created.id, customer: customer.id };
}

async function createPayments(
  customer: string,
  count: number,
  extra: (n: number) => Partial<Stripe.PaymentIntentCreateParams> = () => ({}),
): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < count; start += 25) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(25, count - start) }, (_, i) =>
        s.stripe.paymentIntents.create({
          amount: 1000 + start + i,
          currency: 'usd',
          customer,
          description: `payment ${start + i}`,
          ...extra(start + i),
        }),
      ),
    );
    ids.push(...batch.map((p) => p.id));
  }
  return ids;
}

/** Polls an async condition (the emulators' stats) every 10 ms, for at most 10 s. */
async function until(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function salesforceStats(): Promise<Record<string, number>> {
  return (await s.gw.emulatorStats()).byEndpoint;
}

async function syncedRows(accountId: string) {
  return queryAll(
    sf,
    `SELECT Stripe_Payment_Id__c, Amount__c, Currency_Code__c, Status__c, Description__c, Stripe_Customer_Id__c FROM Stripe_Payment__c WHERE Account__c = '${accountId}'`,
  );
}

beforeAll(async () => {
  s = await startStripeGateway();
  sf = await directConnection(s.gw.emulatorUrl);
}, 60_000);

describe('syncStripePayments', () => {
  let big: { accountId: string; customer: string };
  let bigIds: string[];

  beforeAll(async () => {
    big = await linkedAccount('ZZSync Thousand Payments');
    bigIds = await createPayments(big.customer, 1000);
  }, 120_000);

  it('writes 1,000 payments with 5 Salesforce upserts, 10 Stripe pages and one Account read', async () => {
    await s.gw.resetEmulatorStats();
    await s.resetStats();
    const { result, errors } = await sync({ accountId: big.accountId });
    expect(errors).toBeUndefined();
    expect(result).toMatchObject({
      source: 'stripe',
      created: 1000,
      updated: 0,
      unchanged: 0,
      failed: 0,
      errors: [],
    });
    const calls = await salesforceStats();
    expect(calls).toEqual({ query: 1, upsertMany: 5 });
    expect((await s.stats()).byEndpoint).toEqual({ 'GET /v1/payment_intents': 10 });

    const rows = await syncedRows(big.accountId);
    expect(rows).toHaveLength(1000);
    expect(new Set(rows.map((r) => r.Stripe_Payment_Id__c))).toEqual(new Set(bigIds));
    const first = await s.stripe.paymentIntents.retrieve(bigIds[0] ?? '');
    expect(rows.find((r) => r.Stripe_Payment_Id__c === first.id)).toMatchObject({
      Amount__c: first.amount / 100,
      Currency_Code__c: 'USD',
      Status__c: first.status,
      Description__c: first.description,
      Stripe_Customer_Id__c: big.customer,
    });
  }, 60_000);

  it('a second run changes nothing and sends nothing; a change in Stripe is the one update', async () => {
    await s.gw.resetEmulatorStats();
    const again = await sync({ accountId: big.accountId });
    expect(again.result).toMatchObject({ created: 0, updated: 0, unchanged: 1000, failed: 0 });
    expect(await salesforceStats()).toEqual({ query: 1 });

    const edited = bigIds[123] ?? '';
    await s.stripe.paymentIntents.cancel(edited);
    await s.gw.resetEmulatorStats();
    const third = await sync({ accountId: big.accountId });
    expect(third.result).toMatchObject({ created: 0, updated: 1, unchanged: 999, failed: 0 });
    expect(await salesforceStats()).toEqual({ query: 1, upsertMany: 1 });
    const row = await sf.query(
      `SELECT Status__c FROM Stripe_Payment__c WHERE Stripe_Payment_Id__c = '${edited}'`,
    );
    expect(row.records[0]).toMatchObject({ Status__c: 'canceled' });
    expect((await syncedRows(big.accountId)).length).toBe(1000);
  }, 60_000);

  it('since: in the future is BAD_USER_INPUT; in the past keeps every payment created after it', async () => {
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const bad = await sync({ accountId: big.accountId, since: future });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const past = await sync({ accountId: big.accountId, since: '2000-01-01T00:00:00Z' });
    expect(past.result).toMatchObject({ created: 0, updated: 0, unchanged: 1000 });
  }, 60_000);

  it('one record Salesforce rejects is reported with its id; the rest are written', async () => {
    const small = await linkedAccount('ZZSync Partial Failure');
    const ids = await createPayments(small.customer, 3, (n) =>
      n === 1 ? { description: 'x'.repeat(300) } : {},
    );
    const bad = ids[1] ?? '';
    const { result } = await sync({ accountId: small.accountId });
    expect(result).toMatchObject({ created: 2, updated: 0, unchanged: 0, failed: 1 });
    expect(result?.errors).toEqual([
      expect.stringMatching(new RegExp(`^${bad}: STRING_TOO_LONG `)),
    ]);
    const rows = await syncedRows(small.accountId);
    expect(rows.map((r) => r.Stripe_Payment_Id__c).sort()).toEqual(
      ids.filter((id) => id !== bad).sort(),
    );
    // The rejected record is tried again on the next run (it has no fingerprint).
    const again = await sync({ accountId: small.accountId });
    expect(again.result).toMatchObject({ created: 0, updated: 0, unchanged: 2, failed: 1 });
  }, 60_000);

  it('a second sync of the same account while one runs gets CONFLICT', async () => {
    await s.faults({ latencyMs: 150 });
    await s.resetStats();
    try {
      const first = sync({ accountId: big.accountId });
      // The lease is taken before the first page is read.
      await until(async () => ((await s.stats()).byEndpoint['GET /v1/payment_intents'] ?? 0) > 0);
      const second = await sync({ accountId: big.accountId });
      expect(second.result).toBeUndefined();
      expect(second.errors?.[0]).toMatchObject({
        message: expect.stringMatching(/already running/),
        extensions: { code: 'CONFLICT' },
      });
      expect((await first).result).toMatchObject({ unchanged: 1000 });
      // Released: the next run goes ahead.
      await s.faults({ latencyMs: 0 });
      expect((await sync({ accountId: big.accountId })).result).toMatchObject({
        unchanged: 1000,
      });
    } finally {
      await s.faults({ latencyMs: 0 });
    }
  }, 60_000);

  it('malformed ids are BAD_USER_INPUT and write nothing', async () => {
    await s.gw.resetEmulatorStats();
    for (const accountId of ['nope', '003000000000001AAA', '001000000000001']) {
      const { result, errors } = await sync({ accountId });
      if (accountId === '001000000000001') {
        // Well-formed but no such Account: nothing the viewer may edit.
        expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      } else {
        expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      }
      expect(result).toBeUndefined();
    }
    expect((await salesforceStats()).upsertMany).toBeUndefined();
  });

  it('without accountId: every linked payment of every visible Account, once', async () => {
    const linkedAccounts = await queryAll(
      sf,
      'SELECT Id FROM Account WHERE Stripe_Customer_Id__c != null',
    );
    expect(linkedAccounts.length).toBeGreaterThan(0);
    await s.gw.resetEmulatorStats();
    const { result, errors } = await sync({});
    expect(errors).toBeUndefined();
    // The two accounts above are already synced; the seed's payments are new.
    expect(result?.failed).toBe(1);
    expect(result?.unchanged).toBe(1002);
    expect(result?.created).toBeGreaterThan(0);
    const stats = await salesforceStats();
    expect(stats.query).toBe(1);
    const total = (await sf.query('SELECT COUNT() FROM Stripe_Payment__c')).totalSize;
    expect(total).toBe(result ? result.created + result.unchanged : -1);
    const second = await sync({});
    expect(second.result).toMatchObject({ created: 0, updated: 0, unchanged: total, failed: 1 });
  }, 60_000);
});

describe('syncStripePayments as a sales rep (user mode)', () => {
  it('an Account the rep cannot see is FORBIDDEN and nothing is written', async () => {
    const gw = await startTestGateway({ linked: {}, env: { AUTH_MODE: 'user' } });
    const admin = await directConnection(gw.emulatorUrl);
    const token = await gatewaySessionToken(gw.origin, 'rep1@atom-demo.org', 'demo-rep-pass');
    const rep = await admin.query<{ Id: string }>(
      "SELECT Id FROM User WHERE Username = 'rep1@atom-demo.org'",
    );
    const repId = rep.records[0]?.Id ?? '';
    const foreign = await admin.query<{ Id: string }>(
      `SELECT Id FROM Account WHERE OwnerId != '${repId}' AND Stripe_Customer_Id__c != null LIMIT 1`,
    );
    const own = await admin.query<{ Id: string }>(
      `SELECT Id FROM Account WHERE OwnerId = '${repId}' AND Stripe_Customer_Id__c != null LIMIT 1`,
    );
    const auth = { authorization: `Bearer ${token}` };
    const denied = await gw.graphql<{ syncStripePayments: SyncResultView }>(
      SYNC,
      { accountId: foreign.records[0]?.Id },
      auth,
    );
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await admin.query('SELECT COUNT() FROM Stripe_Payment__c')).totalSize).toBe(0);

    // The rep's own Account syncs, and the rows are the rep's.
    const allowed = await gw.graphql<{ syncStripePayments: SyncResultView }>(
      SYNC,
      { accountId: own.records[0]?.Id },
      auth,
    );
    expect(allowed.errors).toBeUndefined();
    const written = await admin.query<{ OwnerId: string }>(
      `SELECT OwnerId FROM Stripe_Payment__c WHERE Account__c = '${own.records[0]?.Id}'`,
    );
    expect(written.totalSize).toBe(allowed.data?.syncStripePayments.created);
    expect(written.records.every((r) => r.OwnerId === repId)).toBe(true);

    // Without accountId: only payments of Accounts the rep can see are written.
    const everything = await gw.graphql<{ syncStripePayments: SyncResultView }>(SYNC, {}, auth);
    expect(everything.errors).toBeUndefined();
    const rows = await admin.query<{ Account__c: string; OwnerId: string }>(
      'SELECT Account__c, OwnerId, Account__r.OwnerId FROM Stripe_Payment__c',
    );
    expect(rows.totalSize).toBe(
      (everything.data?.syncStripePayments.created ?? 0) + (written.totalSize ?? 0),
    );
    const owners = await admin.query<{ Id: string; OwnerId: string }>(
      `SELECT Id, OwnerId FROM Account WHERE Id IN (${[
        ...new Set(rows.records.map((r) => `'${r.Account__c}'`)),
      ].join(',')})`,
    );
    expect(owners.records.every((a) => a.OwnerId === repId)).toBe(true);
  }, 60_000);
});
