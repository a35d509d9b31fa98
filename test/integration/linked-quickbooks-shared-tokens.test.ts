import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import {
  DEMO_QUICKBOOKS,
  startQuickBooksEmulator,
  type RunningQuickBooksEmulator,
} from '../../src/emulators/quickbooks';
import { startTestGateway, type TestGateway } from '../helpers/gateway';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const NAMESPACE = `qbo-tokens-${randomUUID().slice(0, 8)}`;
const QUERY = '{ accounts(first: 10) { nodes { invoices { nodes { id } } } } }';

interface Page {
  accounts: { nodes: Array<{ invoices: { nodes: Array<{ id: string }> } }> };
}

async function grants(emulator: RunningQuickBooksEmulator): Promise<number> {
  const response = await fetch(`${emulator.url}/__emulator/stats`);
  const stats = (await response.json()) as { oauth: Record<string, number> };
  return stats.oauth.refresh_token ?? 0;
}

// Intuit retires a refresh token once it has issued the next one. Two instances (or one
// restarted) that each kept the newest token in their own memory would soon present a dead
// one; the shared store (Redis, sealed) gives every instance the newest.
describe('QuickBooks refresh tokens shared by instances through Redis', () => {
  let emulator: RunningQuickBooksEmulator;
  let redis: Redis;
  const clientId = `qbo-client-${randomUUID().slice(0, 8)}`;
  const env = (): Record<string, string> => ({
    REDIS_URL,
    SUBSCRIPTIONS_NAMESPACE: NAMESPACE,
    TOKEN_ENCRYPTION_KEYS: `k1:${KEY}`,
    QUICKBOOKS_CLIENT_ID: clientId,
    QUICKBOOKS_CLIENT_SECRET: DEMO_QUICKBOOKS.clientSecret,
    QUICKBOOKS_REALM_ID: DEMO_QUICKBOOKS.realmId,
    QUICKBOOKS_REFRESH_TOKEN: DEMO_QUICKBOOKS.refreshToken,
    QUICKBOOKS_API_URL: emulator.url,
    QUICKBOOKS_TOKEN_URL: emulator.tokenUrl,
  });
  const KEY = randomBytes(32).toString('base64');

  beforeAll(async () => {
    emulator = await startQuickBooksEmulator({
      port: 0,
      clientId,
      rotateRefreshTokens: true,
      accessTokenTtlSeconds: 1,
    });
    redis = new Redis(REDIS_URL);
  });

  afterAll(async () => {
    const keys = await redis.keys(`${NAMESPACE}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    await emulator.stop();
  });

  async function invoicesThrough(gw: TestGateway): Promise<number> {
    const result = await gw.graphql<Page>(QUERY);
    expect(result.errors).toBeUndefined();
    return (result.data?.accounts.nodes ?? []).reduce((n, a) => n + a.invoices.nodes.length, 0);
  }

  it('a second instance and a restarted one use the rotated token; it is stored sealed', async () => {
    const a = await startTestGateway({ env: env(), subscriptions: { enabled: false } });
    const b = await startTestGateway({ env: env(), subscriptions: { enabled: false } });
    const invoices = await invoicesThrough(a);
    expect(invoices).toBeGreaterThan(0);
    expect(await grants(emulator)).toBe(1);
    // B starts from the configured token, which the first grant retired: only the shared
    // store lets its grant succeed.
    expect(await invoicesThrough(b)).toBe(invoices);
    expect(await grants(emulator)).toBe(2);

    // Both find their access token expired at once: the lease lets one grant at a time, and
    // the second uses the token the first one saved.
    await sleep(1100);
    const [fromA, fromB] = await Promise.all([invoicesThrough(a), invoicesThrough(b)]);
    expect([fromA, fromB]).toEqual([invoices, invoices]);
    expect(await grants(emulator)).toBe(4);

    await Promise.all([a.stop(), b.stop()]);
    const restarted = await startTestGateway({ env: env(), subscriptions: { enabled: false } });
    expect(await invoicesThrough(restarted)).toBe(invoices);
    await restarted.stop();

    // Nothing in Redis holds a token in the clear.
    const keys = await redis.keys(`${NAMESPACE}*`);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      if ((await redis.type(key)) !== 'string') continue;
      const value = (await redis.get(key)) ?? '';
      expect(value).not.toMatch(/qbo-rt-|atom-demo-qbo-refresh-token/);
    }
  });

  it('falls back to the configured token when the saved one is unknown to the service', async () => {
    // Reset: the emulator knows only the configured token again; the store holds a dead one.
    const response = await fetch(`${emulator.url}/__emulator/reset`, { method: 'POST' });
    expect(response.ok).toBe(true);
    const gw = await startTestGateway({ env: env(), subscriptions: { enabled: false } });
    expect(await invoicesThrough(gw)).toBeGreaterThan(0);
    await gw.stop();
  });
});
