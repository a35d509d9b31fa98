import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { parseEncryptionKeys } from './encryption-keys';
import { createRotatingSecretStore } from './rotating-secret-store';

const keyring = () => parseEncryptionKeys(`k1:${randomBytes(32).toString('base64')}`);

describe('createRotatingSecretStore (memory)', () => {
  it('answers the newest secret saved for the configured seed, and nothing for another seed', async () => {
    const store = await createRotatingSecretStore({ keyring: keyring() });
    expect(await store.latest('qbo', 'configured-1')).toBeUndefined();
    await store.save('qbo', 'configured-1', 'rotated-a');
    await store.save('qbo', 'configured-1', 'rotated-b');
    expect(await store.latest('qbo', 'configured-1')).toBe('rotated-b');
    // The operator configured a new token: what descends from the old one is ignored.
    expect(await store.latest('qbo', 'configured-2')).toBeUndefined();
    expect(await store.latest('other', 'configured-1')).toBeUndefined();
  });

  it('cannot be opened with other encryption keys (shared through Redis)', async () => {
    const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
    const namespace = `rotating-secret-test-${randomBytes(4).toString('hex')}`;
    const writer = await createRotatingSecretStore({ keyring: keyring(), redisUrl, namespace });
    const sameKeys = keyring();
    const reader = await createRotatingSecretStore({ keyring: sameKeys, redisUrl, namespace });
    try {
      await writer.save('qbo', 'seed', 'rotated');
      // Another instance with the same TOKEN_ENCRYPTION_KEYS would read it; these differ.
      expect(await reader.latest('qbo', 'seed')).toBeUndefined();
      await reader.save('qbo', 'seed', 'rotated-2');
      const again = await createRotatingSecretStore({ keyring: sameKeys, redisUrl, namespace });
      expect(await again.latest('qbo', 'seed')).toBe('rotated-2');
      await again.close();
    } finally {
      await writer.close();
      await reader.close();
      const redis = new Redis(redisUrl);
      const keys = await redis.keys(`${namespace}*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    }
  });

  it('runs exclusive work one at a time per key', async () => {
    const store = await createRotatingSecretStore({ keyring: keyring() });
    let inside = 0;
    let most = 0;
    const work = async () => {
      inside += 1;
      most = Math.max(most, inside);
      await sleep(30);
      inside -= 1;
    };
    await Promise.all([
      store.exclusive('qbo', work),
      store.exclusive('qbo', work),
      store.exclusive('qbo', work),
    ]);
    expect(most).toBe(1);
    // Another key is not held up by this one.
    const started = Date.now();
    await Promise.all([
      store.exclusive('a', () => sleep(50)),
      store.exclusive('b', () => sleep(50)),
    ]);
    expect(Date.now() - started).toBeLessThan(95);
  });
});
