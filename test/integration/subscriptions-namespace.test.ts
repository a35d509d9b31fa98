/**
 * `SUBSCRIPTIONS_NAMESPACE` end to end: `src/main.ts` as a child process with Redis keeps its
 * CDC replayId under the configured namespace, and SIGTERM leaves there the replayId of the
 * last change it delivered, so the next start resumes exactly after it.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { generateApiKey } from '../../src/auth/api-keys';
import {
  DEMO_OAUTH_CLIENT,
  startSalesforceEmulator,
  type RunningSalesforceEmulator,
} from '../../src/emulators/salesforce';
import { createReplayStore } from '../../src/live/replay-store';
import { directConnection } from '../helpers/salesforce-direct';
import { integrationModeEnv, spawnGateway, type SpawnedGateway } from '../helpers/spawn-gateway';
import { connectWs, subscribe, waitForSubscribers } from '../helpers/subscriptions-client';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const NAMESPACE = `atom-test:namespace:${randomUUID()}`;
const PEPPER = 'namespace-test-pepper-0123456789abcdef';
const KEY = generateApiKey();

interface Change {
  accountChanged: { changeType: string; recordIds: string[]; replayId: string };
}

let emulator: RunningSalesforceEmulator;
let redis: Redis;

function startMain(): Promise<SpawnedGateway> {
  return spawnGateway({
    ...integrationModeEnv({
      loginUrl: emulator.url,
      clientId: DEMO_OAUTH_CLIENT.clientId,
      apiKey: { label: 'namespace-test', key: KEY, pepper: PEPPER },
    }),
    SALESFORCE_CLIENT_SECRET: DEMO_OAUTH_CLIENT.clientSecret,
    REDIS_URL,
    SUBSCRIPTIONS_NAMESPACE: NAMESPACE,
  });
}

async function storedReplayId(): Promise<string | undefined> {
  const handle = await createReplayStore({ redisUrl: REDIS_URL, namespace: `${NAMESPACE}:cdc` });
  try {
    return await handle.store.load();
  } finally {
    await handle.close();
  }
}

beforeAll(async () => {
  emulator = await startSalesforceEmulator({
    port: 0,
    scale: 0.05,
    clientCredentialsUsername: 'integration@atom-demo.org',
  });
  redis = new Redis(REDIS_URL);
});

afterAll(async () => {
  const keys = await redis.keys(`${NAMESPACE}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
  await emulator.stop();
});

describe('SUBSCRIPTIONS_NAMESPACE (src/main.ts with Redis)', () => {
  it('stores the last delivered replayId under the namespace when SIGTERM stops it', async () => {
    expect(await storedReplayId()).toBeUndefined();
    const running = await startMain();
    const ws = connectWs(running.url, { connectionParams: { 'X-API-Key': KEY } });
    try {
      const received = subscribe<Change>(
        ws,
        'subscription { accountChanged { changeType recordIds replayId } }',
      );
      await waitForSubscribers(
        { origin: running.origin, headers: { 'x-api-key': KEY } },
        1,
        received,
        20_000,
      );
      const sf = await directConnection(emulator.url);
      for (const name of ['Namespace One', 'Namespace Two', 'Namespace Three']) {
        await sf.sobject('Account').create({ Name: name });
      }
      const events = await received.take(3, 10_000);
      expect(events.map((e) => e.accountChanged.changeType)).toEqual([
        'CREATE',
        'CREATE',
        'CREATE',
      ]);
      const last = events[2]?.accountChanged.replayId;
      expect(last).toMatch(/^\d+$/);

      running.child.kill('SIGTERM');
      expect(await ws.closed).toMatchObject({ code: 1001 });
      expect(await running.exited).toMatchObject({ code: 0 });

      expect(await storedReplayId()).toBe(last);
      // Everything live changes keeps in Redis is under the namespace (leader lock released).
      const keys = await redis.keys(`${NAMESPACE}*`);
      expect(keys.length).toBeGreaterThan(0);
      expect(await redis.exists(`${NAMESPACE}:cdc:leader`)).toBe(0);
    } finally {
      await ws.dispose();
      if (running.child.exitCode === null) running.child.kill('SIGKILL');
    }
  }, 60_000);
});
