/**
 * Scale-out: two gateway processes share one upstream CDC subscription through a Redis lock
 * and fan out through Redis pub/sub. The consumer is SIGKILLed; the other takes over and its
 * subscribers keep receiving every change, once.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { generateApiKey } from '../../src/auth/api-keys';
import {
  DEMO_OAUTH_CLIENT,
  startSalesforceEmulator,
  type RunningSalesforceEmulator,
} from '../../src/emulators/salesforce';
import { ignoringErrors, leftovers } from '../helpers/leftovers';
import { directConnection } from '../helpers/salesforce-direct';
import { integrationModeEnv, spawnGateway, type SpawnedGateway } from '../helpers/spawn-gateway';
import {
  cometdClients,
  connectWs,
  readyz,
  subscribe,
  waitForSubscribers,
} from '../helpers/subscriptions-client';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const NAMESPACE = `atom-test:${randomUUID()}`;
const PEPPER = 'failover-test-pepper-0123456789abcdef';
const KEY = generateApiKey();
/** /readyz details (subscribers, leadership) need the API key. */
const withKey = (origin: string) => ({ origin, headers: { 'x-api-key': KEY } });
const QUERY = 'subscription { accountChanged(changeTypes: [CREATE]) { recordIds replayId } }';

interface Change {
  accountChanged: { recordIds: string[]; replayId: string };
}

let emulator: RunningSalesforceEmulator;

function startGatewayProcess(): Promise<SpawnedGateway> {
  return spawnGateway(
    {
      ...integrationModeEnv({
        loginUrl: emulator.url,
        clientId: DEMO_OAUTH_CLIENT.clientId,
        apiKey: { label: 'failover', key: KEY, pepper: PEPPER },
      }),
      SALESFORCE_CLIENT_SECRET: DEMO_OAUTH_CLIENT.clientSecret,
      REDIS_URL,
      TEST_CDC_NAMESPACE: NAMESPACE,
    },
    { entry: 'test/helpers/subscriptions-gateway-process.ts', startTimeoutMs: 20_000 },
  );
}

function listen(url: string) {
  const ws = connectWs(url, { connectionParams: { 'X-API-Key': KEY } });
  leftovers.push(ignoringErrors(() => ws.dispose()));
  return subscribe<Change>(ws, QUERY);
}

const ids15 = (events: Change[]) => events.map((e) => e.accountChanged.recordIds[0]?.slice(0, 15));

beforeAll(async () => {
  emulator = await startSalesforceEmulator({ port: 0, scale: 1 });
});

afterAll(async () => {
  await emulator.stop();
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${NAMESPACE}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

describe('two gateway instances over Redis', () => {
  it('survives SIGKILL of the consumer: every change reaches the other instance once', async () => {
    const a = await startGatewayProcess();
    const onA = listen(a.url);
    await waitForSubscribers(withKey(a.origin), 1, onA);
    const b = await startGatewayProcess();
    const onB = listen(b.url);
    await waitForSubscribers(withKey(b.origin), 1, onB);
    expect((await readyz(withKey(a.origin))).salesforce?.cdc?.isLeader).toBe(true);
    expect((await readyz(withKey(b.origin))).salesforce?.cdc?.isLeader).toBe(false);
    // One upstream subscription for both instances.
    expect(await cometdClients(emulator.url)).toHaveLength(1);

    const sf = await directConnection(emulator.url);
    const create = async (name: string) =>
      (await sf.sobject('Account').create({ Name: name })).id ?? '';
    const early = [await create('Failover 1'), await create('Failover 2')];
    expect(ids15(await onA.take(2))).toEqual(early.map((id) => id.slice(0, 15)));
    expect(ids15(await onB.take(2))).toEqual(early.map((id) => id.slice(0, 15)));

    a.child.kill('SIGKILL');
    const late = [
      await create('Failover 3'),
      await create('Failover 4'),
      await create('Failover 5'),
    ];
    const startedAt = Date.now();
    expect(ids15(await onB.take(3, 15_000))).toEqual(late.map((id) => id.slice(0, 15)));
    expect(Date.now() - startedAt).toBeLessThan(10_000);
    expect((await readyz(withKey(b.origin))).salesforce?.cdc?.isLeader).toBe(true);
    // Exactly once each: no replay of what the dead consumer had already published.
    expect(await onB.drain(1_000)).toEqual([]);
    expect(new Set(onB.data.map((e) => e.accountChanged.replayId)).size).toBe(5);
  });
});
