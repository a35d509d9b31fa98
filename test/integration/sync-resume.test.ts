/**
 * Resumable sync: a gateway process with its sync state in Redis is SIGKILLed in the middle of
 * syncing 1,000 Stripe payments; a new process runs the sync again. Every payment ends in
 * Salesforce exactly once, with the latest values, and the second run resumes from the last
 * committed batch instead of the start.
 */
import { randomUUID } from 'node:crypto';
import { createClient } from '@keyv/redis';
import type { Connection } from 'jsforce';
import { generateApiKey } from '../../src/auth/api-keys';
import {
  DEMO_OAUTH_CLIENT,
  startSalesforceEmulator,
  type RunningSalesforceEmulator,
} from '../../src/emulators/salesforce';
import { DEMO_STRIPE_API_KEY } from '../../src/emulators/stripe';
import { leftovers } from '../helpers/leftovers';
import { directConnection, queryAll } from '../helpers/salesforce-direct';
import { integrationModeEnv, spawnGateway, type SpawnedGateway } from '../helpers/spawn-gateway';
import { startStripeTarget, type StripeTarget } from '../helpers/stripe-emulator';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const NAMESPACE = `atom-test:${randomUUID()}:sync`;
const PEPPER = 'sync-resume-test-pepper-0123456789abcdef';
const KEY = generateApiKey();
const SYNC = `mutation Sync($accountId: ID) {
  syncStripePayments(accountId: $accountId) { created updated unchanged failed errors }
}`;

interface SyncResultView {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  errors: string[];
}

let emulator: RunningSalesforceEmulator;
let stripe: StripeTarget;
let sf: Connection;

function startGatewayProcess(): Promise<SpawnedGateway> {
  return spawnGateway(
    {
      ...integrationModeEnv({
        loginUrl: emulator.url,
        clientId: DEMO_OAUTH_CLIENT.clientId,
        apiKey: { label: 'sync', key: KEY, pepper: PEPPER },
      }),
      SALESFORCE_CLIENT_SECRET: DEMO_OAUTH_CLIENT.clientSecret,
      STRIPE_API_KEY: DEMO_STRIPE_API_KEY,
      STRIPE_API_URL: stripe.emulator.url,
      REDIS_URL,
      TEST_SYNC_NAMESPACE: NAMESPACE,
    },
    { entry: 'test/helpers/sync-gateway-process.ts', startTimeoutMs: 30_000 },
  );
}

async function post(
  url: string,
  accountId: string,
): Promise<{ data?: { syncStripePayments: SyncResultView }; errors?: unknown[] }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': KEY },
    body: JSON.stringify({ query: SYNC, variables: { accountId } }),
  });
  return (await response.json()) as { data?: { syncStripePayments: SyncResultView } };
}

async function upsertCalls(): Promise<number> {
  const stats = (await (await fetch(`${emulator.url}/__emulator/stats`)).json()) as {
    byEndpoint: Record<string, number>;
  };
  return stats.byEndpoint.upsertMany ?? 0;
}

async function until(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

beforeAll(async () => {
  emulator = await startSalesforceEmulator({ port: 0 });
  leftovers.push(() => emulator.stop());
  stripe = await startStripeTarget();
  sf = await directConnection(emulator.url);
  leftovers.push(async () => {
    const redis = createClient({ url: REDIS_URL });
    await redis.connect();
    for await (const keys of redis.scanIterator({ MATCH: `${NAMESPACE}*`, COUNT: 100 })) {
      if (keys.length > 0) await redis.del(keys);
    }
    await redis.close();
  });
}, 60_000);

it('a sync killed mid-way and run again writes every payment exactly once, with the latest values', async () => {
  const client = stripe.client();
  const customer = await client.customers.create({ name: 'ZZSync Resume' });
  const account = await sf.sobject('Account').create({
    Name: 'ZZSync Resume',
    Stripe_Customer_Id__c: customer.id,
  });
  if (!account.success) throw new Error('account not created');
  const ids: string[] = [];
  for (let start = 0; start < 1000; start += 25) {
    const batch = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        client.paymentIntents.create({
          amount: 500 + start + i,
          currency: 'usd',
          customer: customer.id,
        }),
      ),
    );
    ids.push(...batch.map((p) => p.id));
  }
  // Newest first: the list's first page holds the last created, its last page the first.
  const newest = ids[999] ?? '';
  const oldest = ids[0] ?? '';

  // Slow Stripe pages, so the kill lands between committed batches.
  await stripe.admin.faults({ latencyMs: 150 });
  const first = await startGatewayProcess();
  const killed = post(first.url, account.id).catch(() => undefined);
  await until(async () => (await upsertCalls()) >= 2);
  first.child.kill('SIGKILL');
  await first.exited;
  await killed;
  await stripe.admin.faults({ latencyMs: 0 });

  const before = (
    await sf.query(`SELECT COUNT() FROM Stripe_Payment__c WHERE Account__c = '${account.id}'`)
  ).totalSize;
  expect(before).toBeGreaterThanOrEqual(400);
  expect(before).toBeLessThan(1000);

  // Changes while no gateway runs: one payment already written, one not yet read.
  await client.paymentIntents.cancel(newest);
  await client.paymentIntents.cancel(oldest);

  const second = await startGatewayProcess();
  // The dead process's lease expires within its TTL; until then the run is a CONFLICT.
  let result: SyncResultView | undefined;
  await until(async () => {
    result = (await post(second.url, account.id)).data?.syncStripePayments;
    return result !== undefined;
  });
  // Only what the first process had not committed is created; nothing is written twice.
  expect(result).toMatchObject({ created: 1000 - before, failed: 0, errors: [] });

  const rows = await queryAll(
    sf,
    `SELECT Stripe_Payment_Id__c, Status__c, Amount__c FROM Stripe_Payment__c WHERE Account__c = '${account.id}'`,
  );
  expect(rows).toHaveLength(1000);
  expect(new Set(rows.map((r) => r.Stripe_Payment_Id__c))).toEqual(new Set(ids));
  expect(rows.find((r) => r.Stripe_Payment_Id__c === oldest)).toMatchObject({
    Status__c: 'canceled',
  });

  // The resumed run started after the committed pages; the next full run brings the change
  // made to an already written payment, and only that one.
  const third = (await post(second.url, account.id)).data?.syncStripePayments;
  expect(third).toMatchObject({ created: 0, updated: 1, unchanged: 999, failed: 0 });
  const newestRow = await sf.query(
    `SELECT Status__c FROM Stripe_Payment__c WHERE Stripe_Payment_Id__c = '${newest}'`,
  );
  expect(newestRow.records[0]).toMatchObject({ Status__c: 'canceled' });
}, 180_000);
