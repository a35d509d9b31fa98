/**
 * Scale-out: two gateway processes share one upstream CDC subscription through a Redis lock
 * and fan out through Redis pub/sub. The consumer is SIGKILLed; the other takes over and its
 * subscribers keep receiving every change, once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Redis } from 'ioredis';
import { generateApiKey, hashApiKey } from '../../src/auth/api-keys';
import {
  DEMO_OAUTH_CLIENT,
  startSalesforceEmulator,
  type RunningSalesforceEmulator,
} from '../../src/emulators/salesforce';
import { directConnection } from '../helpers/salesforce-direct';
import {
  cometdClients,
  connectWs,
  readyz,
  subscribe,
  waitForSubscribers,
  type TestWsClient,
} from './subscriptions-client';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const NAMESPACE = `atom-test:${randomUUID()}`;
const PEPPER = 'failover-test-pepper-0123456789abcdef';
const KEY = generateApiKey();
const QUERY = 'subscription { accountChanged(changeTypes: [CREATE]) { recordIds replayId } }';

interface Change {
  accountChanged: { recordIds: string[]; replayId: string };
}

let emulator: RunningSalesforceEmulator;
const processes: ChildProcess[] = [];
const sockets: TestWsClient[] = [];

function startGatewayProcess(): Promise<{ child: ChildProcess; origin: string; url: string }> {
  // node itself with tsx's loader: the tsx CLI would fork, and SIGKILL would miss the gateway.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'subscriptions-gateway-process.ts')],
    {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'silent',
        SALESFORCE_MODE: 'live',
        SALESFORCE_LOGIN_URL: emulator.url,
        SALESFORCE_CLIENT_ID: DEMO_OAUTH_CLIENT.clientId,
        SALESFORCE_CLIENT_SECRET: DEMO_OAUTH_CLIENT.clientSecret,
        AUTH_MODE: 'integration',
        API_KEYS: `failover:${hashApiKey(KEY, PEPPER)}`,
        API_KEY_PEPPER: PEPPER,
        REDIS_URL,
        TEST_CDC_NAMESPACE: NAMESPACE,
      },
      cwd: join(__dirname, '../..'),
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  processes.push(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('gateway process did not start')), 20_000);
    child.once('exit', (code) => reject(new Error(`gateway process exited with ${code}`)));
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      const match = /^READY (\S+)$/.exec(line);
      if (!match?.[1]) return;
      clearTimeout(timer);
      resolve({ child, url: match[1], origin: new URL(match[1]).origin });
    });
  });
}

function listen(url: string) {
  const ws = connectWs(url, { connectionParams: { 'X-API-Key': KEY } });
  sockets.push(ws);
  return subscribe<Change>(ws, QUERY);
}

const ids15 = (events: Change[]) => events.map((e) => e.accountChanged.recordIds[0]?.slice(0, 15));

beforeAll(async () => {
  emulator = await startSalesforceEmulator({ port: 0, scale: 1 });
});

afterAll(async () => {
  for (const ws of sockets) await ws.dispose().catch(() => {});
  for (const child of processes) if (child.exitCode === null) child.kill('SIGTERM');
  await Promise.all(
    processes.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) {
            resolve();
            return;
          }
          // A clean stop takes well under a second; never let a stuck child hold the run.
          const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
          child.once('exit', () => {
            clearTimeout(kill);
            resolve();
          });
        }),
    ),
  );
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
    await waitForSubscribers(a.origin, 1, onA);
    const b = await startGatewayProcess();
    const onB = listen(b.url);
    await waitForSubscribers(b.origin, 1, onB);
    expect((await readyz(a.origin)).salesforce?.cdc?.isLeader).toBe(true);
    expect((await readyz(b.origin)).salesforce?.cdc?.isLeader).toBe(false);
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
    expect((await readyz(b.origin)).salesforce?.cdc?.isLeader).toBe(true);
    // Exactly once each: no replay of what the dead consumer had already published.
    expect(await onB.drain(1_000)).toEqual([]);
    expect(new Set(onB.data.map((e) => e.accountChanged.replayId)).size).toBe(5);
  });
});
