import KeyvRedis, { createClient } from '@keyv/redis';
import { Keyv } from 'keyv';
import { LRUCache } from 'lru-cache';
import type { Logger } from '../logging/logger';

export interface CacheStoreOptions {
  /** `redis://...`: entries and versions shared by every instance; memory when absent. */
  redisUrl?: string;
  /** Prefix of every key (`<SUBSCRIPTIONS_NAMESPACE>:cache`); a unique one per test. */
  namespace: string;
  /** Memory store bounds: entries and serialized bytes, least recently used out first. */
  maxEntries: number;
  maxBytes: number;
  /**
   * How long a record's version outlives its last write: longer than any entry it could
   * invalidate (an entry never outlives its TTL), so an entry is never trusted for lack of it.
   */
  recordVersionTtlMs: number;
  logger: Logger;
}

/**
 * Where cached reads live. `entries` may lose anything at any time (LRU, Redis eviction):
 * a lost entry is a miss. `versions` holds one token per object type; entries are keyed by
 * the tokens they were read under, so replacing a token is what drops a type's entries.
 */
export interface CacheStore {
  readonly kind: 'memory' | 'redis';
  readonly entries: Keyv<unknown>;
  readonly versions: Keyv<string>;
  /** Per record id: the stamp of its last update; an entry read before it returned old rows. */
  readonly records: Keyv<number>;
  /** A number greater than every stamp handed out before, on every instance sharing the store. */
  nextStamp(): Promise<number>;
  close(): Promise<void>;
}

export async function createCacheStore(options: CacheStoreOptions): Promise<CacheStore> {
  const { namespace, logger } = options;
  let stamp = 0;
  if (!options.redisUrl) {
    // Keyv stores its serialized entry (value and expiry) as a string: its length is the size.
    const lru = new LRUCache<string, NonNullable<unknown>>({
      max: options.maxEntries,
      maxSize: options.maxBytes,
      sizeCalculation: (value) => (typeof value === 'string' ? Math.max(1, value.length) : 1024),
    });
    return {
      kind: 'memory',
      entries: new Keyv<unknown>({ store: lru, namespace: `${namespace}:entries` }),
      // A handful of keys that must never be evicted: a plain Map.
      versions: new Keyv<string>({ store: new Map(), namespace: `${namespace}:versions` }),
      // Never evicted early (a lost version would revive stale entries); expired ones purged.
      records: new Keyv<number>({
        store: new LRUCache<string, NonNullable<unknown>>({
          ttl: options.recordVersionTtlMs,
          ttlAutopurge: true,
        }),
        namespace: `${namespace}:records`,
      }),
      nextStamp: async () => (stamp += 1),
      close: async () => {},
    };
  }
  // Without the offline queue a command fails at once while Redis is away (a miss, the read
  // goes to Salesforce) instead of holding the request until Redis is back.
  const client = createClient({ url: options.redisUrl, disableOfflineQueue: true });
  let reachable = true;
  client.on('error', (err: unknown) => {
    if (!reachable) return;
    reachable = false;
    logger.warn({ err }, 'cache: Redis unreachable; reads go to Salesforce until it is back');
  });
  client.on('ready', () => {
    if (reachable) return;
    reachable = true;
    logger.info('cache: Redis reachable again');
  });
  await client.connect();
  const keyvOn = <T>(suffix: string, throwOnErrors = false): Keyv<T> =>
    new Keyv<T>({
      store: new KeyvRedis(client, { namespace: `${namespace}:${suffix}`, throwOnErrors }),
      namespace: `${namespace}:${suffix}`,
      useKeyPrefix: false,
      throwOnErrors,
    });
  const entries = keyvOn<unknown>('entries');
  const versions = keyvOn<string>('versions');
  // A record stamp that failed must say so: read as "never stamped" it would keep a stale
  // entry, so a failed read is a miss and a failed write drops the type.
  const records = keyvOn<number>('records', true);
  // Keyv answers a failed command as undefined and reports it here; the outage is logged above.
  for (const keyv of [entries, versions, records]) {
    keyv.on('error', (err: unknown) => logger.debug({ err }, 'cache: Redis command failed'));
  }
  return {
    kind: 'redis',
    entries,
    versions,
    records,
    nextStamp: () => client.incr(`${namespace}:stamp`),
    close: async () => {
      if (client.isOpen) await client.close();
    },
  };
}
