/**
 * Two gateway instances sharing the cache through Redis: what one caches the other serves,
 * and an invalidation (the gateway's own write, or a change event) reaches both.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Connection } from 'jsforce';
import { generateApiKey } from '../../src/auth/api-keys';
import { loadConfig } from '../../src/config';
import {
  DEMO_OAUTH_CLIENT,
  startSalesforceEmulator,
  type RunningSalesforceEmulator,
} from '../../src/emulators/salesforce';
import { createServer, type RunningGateway } from '../../src/server/create-server';
import { directConnection } from '../helpers/salesforce-direct';
import { integrationModeEnv } from '../helpers/spawn-gateway';
import { waitFor } from '../helpers/wait-for';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const NAMESPACE = `atom-test:${randomUUID()}`;
const PEPPER = 'cache-redis-test-pepper-0123456789';
const KEY = generateApiKey();
const OPPORTUNITY = 'query ($id: ID!) { opportunity(id: $id) { id amount } }';

interface Answer<T> {
  data?: T;
  errors?: unknown[];
}

let emulator: RunningSalesforceEmulator;
let a: RunningGateway;
let b: RunningGateway;
let sf: Connection;
let id: string;

async function graphql<T>(
  gateway: RunningGateway,
  query: string,
  variables: Record<string, unknown>,
): Promise<T> {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': KEY },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Answer<T>;
  expect(body.errors).toBeUndefined();
  if (body.data === undefined) throw new Error('no data');
  return body.data;
}

const amountOn = async (gateway: RunningGateway): Promise<number | null | undefined> =>
  (await graphql<{ opportunity: { amount: number | null } | null }>(gateway, OPPORTUNITY, { id }))
    .opportunity?.amount;

async function salesforceCalls(step: () => Promise<unknown>): Promise<number> {
  await fetch(`${emulator.url}/__emulator/stats/reset`, { method: 'POST' });
  await step();
  const stats = (await (await fetch(`${emulator.url}/__emulator/stats`)).json()) as {
    total: number;
  };
  return stats.total;
}

function startInstance(): Promise<RunningGateway> {
  const config = loadConfig({
    ...integrationModeEnv({
      loginUrl: emulator.url,
      clientId: DEMO_OAUTH_CLIENT.clientId,
      apiKey: { label: 'cache', key: KEY, pepper: PEPPER },
    }),
    SALESFORCE_CLIENT_SECRET: DEMO_OAUTH_CLIENT.clientSecret,
    REDIS_URL,
    SUBSCRIPTIONS_NAMESPACE: NAMESPACE,
    CACHE_ENABLED: 'true',
    // Every Redis key of the test under its own namespace, removed in afterAll.
    RATE_LIMIT_KEY_PREFIX: `${NAMESPACE}:rate-limit`,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
  });
  // main.ts passes SUBSCRIPTIONS_NAMESPACE to the live core the same way.
  return createServer(config, { subscriptions: { namespace: NAMESPACE } });
}

const cacheOf = (gateway: RunningGateway) => {
  const status = gateway.cacheStatus();
  if (status === undefined) throw new Error('the cache is off');
  return status;
};

beforeAll(async () => {
  emulator = await startSalesforceEmulator({ port: 0, scale: 1 });
  a = await startInstance();
  b = await startInstance();
  await waitFor(
    () =>
      cacheOf(a).invalidation === 'change-events' && cacheOf(b).invalidation === 'change-events',
    15_000,
  );
  sf = await directConnection(emulator.url);
  const [row] = (await sf.query<{ Id: string }>('SELECT Id FROM Opportunity ORDER BY Id LIMIT 1'))
    .records;
  if (row === undefined) throw new Error('no opportunity in the seed');
  id = row.Id;
});

afterAll(async () => {
  await a?.stop();
  await b?.stop();
  await emulator?.stop();
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${NAMESPACE}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

describe('the cache shared through Redis by two instances', () => {
  it('serves on one instance what the other cached, with zero Salesforce calls', async () => {
    expect(cacheOf(a).store).toBe('redis');
    await amountOn(a);
    expect(await salesforceCalls(() => amountOn(b))).toBe(0);
  });

  it("shows one instance's write on the other at once, every time", async () => {
    for (let round = 1; round <= 3; round += 1) {
      await amountOn(b);
      const amount = 5_000_000 + round;
      await graphql(
        a,
        'mutation ($id: ID!, $amount: Float!) { updateOpportunity(id: $id, input: { amount: $amount }) { id } }',
        { id, amount },
      );
      expect(await amountOn(b)).toBe(amount);
    }
  });

  it('shows a direct Salesforce write on both instances once the change event arrived', async () => {
    for (let round = 1; round <= 3; round += 1) {
      await amountOn(a);
      await amountOn(b);
      const amount = 6_000_000 + round;
      const seenA = cacheOf(a).changeEvents;
      const seenB = cacheOf(b).changeEvents;
      await sf.sobject('Opportunity').update({ Id: id, Amount: amount });
      await waitFor(
        () => cacheOf(a).changeEvents > seenA && cacheOf(b).changeEvents > seenB,
        10_000,
      );
      expect(await amountOn(a)).toBe(amount);
      expect(await amountOn(b)).toBe(amount);
    }
  });
});
