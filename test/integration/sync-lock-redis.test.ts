/**
 * The sync lease across instances: two gateways (each over its own emulators, seeded alike, so
 * the same Account Id exists in both) share one Redis namespace. While one runs a sync of an
 * Account, the other's sync of the same service and Account is a CONFLICT; other services and
 * scopes are not blocked; once the first ends, the second goes ahead.
 */
import { randomUUID } from 'node:crypto';
import { createClient } from '@keyv/redis';
import { leftovers } from '../helpers/leftovers';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { directConnection } from '../helpers/salesforce-direct';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const NAMESPACE = `atom-test-${randomUUID()}`;

interface SyncResultView {
  created: number;
  unchanged: number;
}
type Answer = {
  data?: Record<string, SyncResultView>;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
};

const STRIPE = `mutation($accountId: ID) { syncStripePayments(accountId: $accountId) { created unchanged } }`;
const ZENDESK = `mutation($accountId: ID) { syncZendeskTickets(accountId: $accountId) { created unchanged } }`;

let a: TestGateway;
let b: TestGateway;
let accountId: string;

function stripeOf(gw: TestGateway) {
  const emulator = gw.linked?.emulators.find((e) => e.service === 'stripe');
  if (!emulator) throw new Error('no Stripe emulator');
  const origin = new URL(emulator.adminUrl).origin;
  return {
    faults: async (body: Record<string, number>) => {
      await fetch(`${origin}/__emulator/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    },
    listCalls: async () => {
      const stats = (await (await fetch(emulator.adminUrl)).json()) as {
        byEndpoint: Record<string, number>;
      };
      return stats.byEndpoint['GET /v1/payment_intents'] ?? 0;
    },
  };
}

beforeAll(async () => {
  const env = { REDIS_URL, SUBSCRIPTIONS_NAMESPACE: NAMESPACE };
  a = await startTestGateway({ linked: {}, env });
  b = await startTestGateway({ linked: {}, env });
  const sf = await directConnection(a.emulatorUrl);
  const linked = await sf.query<{ Id: string }>(
    'SELECT Id FROM Account WHERE Stripe_Customer_Id__c != null ORDER BY Id LIMIT 1',
  );
  accountId = linked.records[0]?.Id ?? '';
  leftovers.push(async () => {
    const redis = createClient({ url: REDIS_URL });
    await redis.connect();
    for await (const keys of redis.scanIterator({ MATCH: `${NAMESPACE}*`, COUNT: 100 })) {
      if (keys.length > 0) await redis.del(keys);
    }
    await redis.close();
  });
}, 60_000);

it('a sync running on one instance makes the same sync on another a CONFLICT, until it ends', async () => {
  const stripeA = stripeOf(a);
  let first: Answer = {};
  await stripeA.faults({ latencyMs: 1_500 });
  try {
    const running = a.graphql<Answer['data']>(STRIPE, { accountId }) as Promise<Answer>;
    const deadline = Date.now() + 10_000;
    // A holds the lease once it reads its first page.
    while ((await stripeA.listCalls()) === 0) {
      if (Date.now() > deadline) throw new Error('instance A never started reading');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const blocked = (await b.graphql(STRIPE, { accountId })) as Answer;
    expect(blocked.data).toBeNull();
    expect(blocked.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(blocked.errors?.[0]?.message).toMatch(
      /already running \(on this or another gateway instance\)/,
    );

    // Another service of the same Account is its own lock.
    const other = (await b.graphql(ZENDESK, { accountId })) as Answer;
    expect(other.errors).toBeUndefined();

    first = await running;
    expect(first.errors).toBeUndefined();
    expect(first.data?.syncStripePayments?.created).toBeGreaterThan(0);
  } finally {
    await stripeA.faults({ latencyMs: 0 });
  }
  // Released: B runs it now. The fingerprints are shared too (instances share one org in
  // production), so B finds every payment as A last wrote it and sends none.
  const after = (await b.graphql(STRIPE, { accountId })) as Answer;
  expect(after.errors).toBeUndefined();
  expect(after.data?.syncStripePayments).toEqual({
    created: 0,
    unchanged: first.data?.syncStripePayments?.created,
  });
}, 60_000);
