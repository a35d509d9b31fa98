import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { createLogger } from '../../logging/logger';
import { createClientRateLimiter, type ClientRateLimiter } from './rate-limiter';

const REDIS_URL = 'redis://127.0.0.1:6379';
const silent = createLogger('silent');

function limiter(
  points: number,
  options: { redisUrl?: string; keyPrefix?: string; logger?: typeof silent } = {},
): ClientRateLimiter {
  return createClientRateLimiter({
    settings: {
      enabled: true,
      points,
      windowSeconds: 60,
      keyPrefix: options.keyPrefix ?? `test:rate-limit:${randomUUID()}`,
    },
    redisUrl: options.redisUrl,
    logger: options.logger ?? silent,
  });
}

describe('createClientRateLimiter', () => {
  const open: ClientRateLimiter[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((l) => l.close()));
  });

  it('spends cost points until the window is spent, then refuses with the time to wait', async () => {
    const budget = limiter(10);
    open.push(budget);
    expect(await budget.consume('a', 4)).toEqual({
      allowed: true,
      limit: 10,
      windowSeconds: 60,
      remaining: 6,
      resetSeconds: 60,
    });
    const refused = await budget.consume('a', 7);
    // Refunded but for 1 point: 5 of 10 spent, 5 left for something cheaper.
    expect(refused).toMatchObject({ allowed: false, limit: 10, remaining: 5 });
    expect(refused.resetSeconds).toBeGreaterThanOrEqual(1);
    expect(refused.resetSeconds).toBeLessThanOrEqual(60);
    // The refused operation spent 1 point: 4 + 1 + 5 = 10, the whole budget.
    expect(await budget.consume('a', 5)).toMatchObject({ allowed: true, remaining: 0 });
    expect(await budget.consume('a', 1)).toMatchObject({ allowed: false });
  });

  it('keeps one budget per key and spends at least one point per operation', async () => {
    const budget = limiter(2);
    open.push(budget);
    expect(await budget.consume('a', 0)).toMatchObject({ allowed: true, remaining: 1 });
    expect(await budget.consume('a', 0.2)).toMatchObject({ allowed: true, remaining: 0 });
    expect(await budget.consume('a', 0)).toMatchObject({ allowed: false });
    expect(await budget.consume('b', 2)).toMatchObject({ allowed: true, remaining: 0 });
  });

  it('shares one budget between instances through Redis', async () => {
    const keyPrefix = `test:rate-limit:${randomUUID()}`;
    const first = limiter(10, { redisUrl: REDIS_URL, keyPrefix });
    const second = limiter(10, { redisUrl: REDIS_URL, keyPrefix });
    open.push(first, second);
    // The limiters use Redis once their connections are ready; until then they count alone.
    await waitUntilShared(first, second);
    expect(await first.consume('client', 6)).toMatchObject({ allowed: true, remaining: 4 });
    expect(await second.consume('client', 5)).toMatchObject({ allowed: false });
    expect(await second.consume('client', 3)).toMatchObject({ allowed: true, remaining: 0 });
    expect(await first.consume('other-client', 10)).toMatchObject({ allowed: true });
  });

  it('counts in the instance while Redis is unreachable, and says so once', async () => {
    const lines: string[] = [];
    const logger = createLogger(
      'warn',
      new Writable({
        write: (chunk: Buffer, _encoding, done) => {
          lines.push(chunk.toString('utf8'));
          done();
        },
      }),
    );
    // Nothing listens on port 1: every connection attempt fails.
    const budget = limiter(3, { redisUrl: 'redis://127.0.0.1:1', logger });
    open.push(budget);
    expect(await budget.consume('a', 3)).toMatchObject({ allowed: true, remaining: 0 });
    expect(await budget.consume('a', 1)).toMatchObject({ allowed: false });
    await waitFor(() => lines.length > 0);
    expect(lines.filter((line) => line.includes('rate limiter: Redis unavailable'))).toHaveLength(
      1,
    );
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  if (!condition()) throw new Error('condition never became true');
}

/** Spends one point on a probe key through each limiter until the other one sees it. */
async function waitUntilShared(a: ClientRateLimiter, b: ClientRateLimiter): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    const probe = `probe-${i}`;
    await a.consume(probe, 1);
    const seen = await b.consume(probe, 1);
    if (seen.remaining === 8) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the two limiters never shared a budget');
}
