import KeyvRedis, { createClient } from '@keyv/redis';
import { Keyv } from 'keyv';
import { RedisLeaseLock } from './lease-lock';

/**
 * One Redis connection holding a namespace's keyv stores and its leases: what the auth store
 * and the sync state store each need when REDIS_URL is set.
 */
export interface RedisKeyvSpace {
  /** A keyv store under `${namespace}:${suffix}`. */
  keyvOn(suffix: string): Keyv;
  /** Leases under `${namespace}:lock:`. */
  readonly lock: RedisLeaseLock;
  /** Deletes every lease of the namespace (keyv stores clear themselves). */
  clearLocks(): Promise<void>;
  close(): Promise<void>;
}

export async function connectRedisKeyvSpace(
  redisUrl: string,
  namespace: string,
): Promise<RedisKeyvSpace> {
  const client = createClient({ url: redisUrl });
  await client.connect();
  const lockPrefix = `${namespace}:lock:`;
  return {
    keyvOn: (suffix) =>
      new Keyv({
        store: new KeyvRedis(client, { namespace: `${namespace}:${suffix}` }),
        namespace: `${namespace}:${suffix}`,
        useKeyPrefix: false,
      }),
    lock: new RedisLeaseLock(client, lockPrefix),
    clearLocks: async () => {
      for await (const keys of client.scanIterator({ MATCH: `${lockPrefix}*`, COUNT: 100 })) {
        if (keys.length > 0) await client.del(keys);
      }
    },
    close: async () => {
      if (client.isOpen) await client.close();
    },
  };
}
