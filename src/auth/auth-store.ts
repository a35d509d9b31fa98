import KeyvRedis, { createClient } from '@keyv/redis';
import { Keyv } from 'keyv';
import { MemoryRefreshLock, RedisRefreshLock, type RefreshLock } from './refresh-lock';

export interface AuthStoreOptions {
  /** `redis://...`; omitted → in-process memory (single instance only). */
  redisUrl?: string;
  /** Prefix for every key this store writes; tests use a unique one and clear it. */
  namespace?: string;
}

/** Where sessions and sealed tokens live, plus the refresh lease that must share their scope. */
export interface AuthStore {
  readonly sessions: Keyv;
  readonly vault: Keyv;
  readonly lock: RefreshLock;
  /** Deletes every key of this namespace (tests and `logout everywhere` tooling). */
  clear(): Promise<void>;
  close(): Promise<void>;
}

export async function createAuthStore(options: AuthStoreOptions = {}): Promise<AuthStore> {
  const namespace = options.namespace ?? 'atom-auth';
  if (!options.redisUrl) {
    const sessions = new Keyv({ namespace: `${namespace}:session` });
    const vault = new Keyv({ namespace: `${namespace}:vault` });
    return {
      sessions,
      vault,
      lock: new MemoryRefreshLock(),
      clear: async () => {
        await Promise.all([sessions.clear(), vault.clear()]);
      },
      close: async () => {},
    };
  }
  const client = createClient({ url: options.redisUrl });
  await client.connect();
  const keyvOn = (suffix: string): Keyv =>
    new Keyv({
      store: new KeyvRedis(client, { namespace: `${namespace}:${suffix}` }),
      namespace: `${namespace}:${suffix}`,
      useKeyPrefix: false,
    });
  const sessions = keyvOn('session');
  const vault = keyvOn('vault');
  const lockPrefix = `${namespace}:lock:`;
  return {
    sessions,
    vault,
    lock: new RedisRefreshLock(client, lockPrefix),
    clear: async () => {
      await Promise.all([sessions.clear(), vault.clear()]);
      for await (const keys of client.scanIterator({ MATCH: `${lockPrefix}*`, COUNT: 100 })) {
        if (keys.length > 0) await client.del(keys);
      }
    },
    close: async () => {
      if (client.isOpen) await client.close();
    },
  };
}
