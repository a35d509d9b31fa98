import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { memoryEventClaims, redisEventClaims, type EventClaims } from './event-claims';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function behavesAsClaims(a: EventClaims, b: EventClaims): Promise<void> {
  expect(await a.claim('stripe:evt_1')).toBe(true);
  expect(await a.claim('stripe:evt_1')).toBe(false);
  expect(await b.claim('stripe:evt_1')).toBe(false);
  expect(await b.claim('stripe:evt_2')).toBe(true);
  // A failed handling gives the event back, so the sender's retry is processed.
  await a.release('stripe:evt_1');
  expect(await b.claim('stripe:evt_1')).toBe(true);
}

it('memory: the first claim of a key wins until released', async () => {
  const claims = memoryEventClaims();
  await behavesAsClaims(claims, claims);
});

it('Redis: one claim across instances (SET NX with a TTL)', async () => {
  const prefix = `atom-test:claims:${randomUUID()}:`;
  const one = new Redis(REDIS_URL);
  const two = new Redis(REDIS_URL);
  try {
    await behavesAsClaims(redisEventClaims(one, prefix), redisEventClaims(two, prefix));
    const ttl = await one.pttl(`${prefix}stripe:evt_2`);
    expect(ttl).toBeGreaterThan(0);
  } finally {
    const keys = await one.keys(`${prefix}*`);
    if (keys.length > 0) await one.del(...keys);
    await Promise.all([one.quit(), two.quit()]);
  }
});
