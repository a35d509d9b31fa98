/**
 * Restart and resume: the replayId lives in Redis, a stopped gateway flushed it, and the next
 * start delivers exactly the changes committed while it was down.
 */
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../src/config';
import { createServer, type RunningGateway } from '../../src/server/create-server';
import { startDemoSalesforce, type DemoSalesforce } from '../../src/server/demo-bootstrap';
import { directConnection } from '../helpers/salesforce-direct';
import {
  connectWs,
  DEMO_READYZ_HEADERS,
  subscribe,
  waitForSubscribers,
} from '../helpers/subscriptions-client';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const namespace = `atom-test:${randomUUID()}`;

interface Change {
  accountChanged: { changeType: string; recordIds: string[]; replayId: string };
}
const QUERY = 'subscription { accountChanged { changeType recordIds replayId } }';

let demo: DemoSalesforce;

beforeAll(async () => {
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    EMULATOR_SALESFORCE_PORT: '0',
    REDIS_URL,
  });
  demo = await startDemoSalesforce(config, { port: 0 });
});

afterAll(async () => {
  await demo.emulator.stop();
});

function start(): Promise<RunningGateway> {
  return createServer(demo.config, { subscriptions: { namespace } });
}

describe('restart and resume (Redis replay store)', () => {
  it('delivers exactly the changes made while the gateway was stopped, none twice', async () => {
    const sf = await directConnection(demo.emulator.url);
    const first = await start();
    const ws1 = connectWs(first.url);
    const before = subscribe<Change>(ws1, QUERY);
    await waitForSubscribers(
      { origin: new URL(first.url).origin, headers: DEMO_READYZ_HEADERS },
      1,
      before,
    );
    const beforeId = (await sf.sobject('Account').create({ Name: 'Before Stop' })).id ?? '';
    const [seen] = await before.take(1);
    expect(seen?.accountChanged.recordIds[0]?.slice(0, 15)).toBe(beforeId.slice(0, 15));

    await first.stop();
    expect(await ws1.closed).toMatchObject({ code: 1001 });
    const whileDown: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      whileDown.push((await sf.sobject('Account').create({ Name: `While Down ${i}` })).id ?? '');
    }

    const second = await start();
    const ws2 = connectWs(second.url);
    try {
      const after = subscribe<Change>(ws2, QUERY);
      const events = await after.take(5, 8_000);
      expect(events.map((e) => e.accountChanged.recordIds[0]?.slice(0, 15))).toEqual(
        whileDown.map((id) => id.slice(0, 15)),
      );
      expect(events.every((e) => e.accountChanged.changeType === 'CREATE')).toBe(true);
      expect(
        events.every(
          (e) => BigInt(e.accountChanged.replayId) > BigInt(seen?.accountChanged.replayId ?? 0),
        ),
      ).toBe(true);
      // Nothing more: in particular not the change delivered before the stop.
      expect(await after.drain(700)).toEqual([]);
    } finally {
      await ws2.dispose();
      await second.stop();
    }
  });
});
