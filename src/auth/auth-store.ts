import { Keyv } from 'keyv';
import { MemoryLeaseLock, type LeaseLock } from '../lib/lease-lock';
import { connectRedisKeyvSpace } from '../lib/redis-keyv-space';

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
  readonly lock: LeaseLock;
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
      lock: new MemoryLeaseLock(),
      clear: async () => {
        await Promise.all([sessions.clear(), vault.clear()]);
      },
      close: async () => {},
    };
  }
  const space = await connectRedisKeyvSpace(options.redisUrl, namespace);
  const sessions = space.keyvOn('session');
  const vault = space.keyvOn('vault');
  return {
    sessions,
    vault,
    lock: space.lock,
    clear: async () => {
      await Promise.all([sessions.clear(), vault.clear()]);
      await space.clearLocks();
    },
    close: () => space.close(),
  };
}
