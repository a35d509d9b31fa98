import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { leftovers } from '../../../test/helpers/leftovers';
import { createLogger } from '../../logging/logger';
import { documentHash } from './document-hash';
import { APOLLO_APQ_PREFIX, createPersistedQueryStore } from './persisted-query-store';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

function capturingLogger(): { logger: ReturnType<typeof createLogger>; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger('warn', sink), lines };
}

/** A redis-server of this test's own, to stop without touching the shared one. */
async function startOwnRedis(): Promise<{ url: string; stop(): Promise<void> }> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Ready to accept connections')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  leftovers.push(stop);
  return { url: `redis://127.0.0.1:${port}`, stop };
}

describe('createPersistedQueryStore', () => {
  const query = '{ apiUsage { max } }';
  const hash = documentHash(query);

  it('keeps registrations in memory, under the keys Apollo uses', async () => {
    const { logger } = capturingLogger();
    const store = await createPersistedQueryStore({
      redisUrl: undefined,
      prefix: 'test',
      ttlSeconds: 60,
      logger,
    });
    expect(await store.get(hash)).toBeUndefined();
    await store.register(hash, query);
    expect(await store.get(hash)).toBe(query);
    expect(await store.apolloCache.get(APOLLO_APQ_PREFIX + hash)).toBe(query);
    // What Apollo registers over HTTP is what graphql-ws finds.
    const other = '{ __typename }';
    await store.apolloCache.set(APOLLO_APQ_PREFIX + documentHash(other), other, { ttl: 60 });
    expect(await store.get(documentHash(other))).toBe(other);
    await store.apolloCache.delete(APOLLO_APQ_PREFIX + documentHash(other));
    expect(await store.get(documentHash(other))).toBeUndefined();
    await store.close();
  });

  it('shares registrations through Redis', async () => {
    const prefix = `test-apq-store-${randomUUID()}`;
    const { logger } = capturingLogger();
    const options = { redisUrl: REDIS_URL, prefix, ttlSeconds: 60, logger };
    const first = await createPersistedQueryStore(options);
    const second = await createPersistedQueryStore(options);
    await first.register(hash, query);
    expect(await second.get(hash)).toBe(query);
    await second.apolloCache.delete(APOLLO_APQ_PREFIX + hash);
    expect(await first.get(hash)).toBeUndefined();

    await first.close();
    await second.close();
  });

  it('answers a miss at once while Redis is down, and registers nothing', async () => {
    const redis = await startOwnRedis();
    const { logger, lines } = capturingLogger();
    const store = await createPersistedQueryStore({
      redisUrl: redis.url,
      prefix: 'test-apq-outage',
      ttlSeconds: 60,
      logger,
    });
    await store.register(hash, query);
    expect(await store.get(hash)).toBe(query);
    await redis.stop();
    // Not queued until Redis returns (that would hold every APQ request): a miss now.
    expect(await store.get(hash)).toBeUndefined();
    await expect(store.register(hash, query)).resolves.toBeUndefined();
    expect(await store.apolloCache.get(APOLLO_APQ_PREFIX + hash)).toBeUndefined();
    expect(lines.join('')).toMatch(/APQ store: Redis unreachable/);
    await store.close();
  });
});
