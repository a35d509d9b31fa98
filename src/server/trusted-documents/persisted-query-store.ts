import KeyvRedis, { createClient } from '@keyv/redis';
import type { PersistedQueryOptions } from '@apollo/server';
import { Keyv } from 'keyv';
import { LRUCache } from 'lru-cache';
import type { Logger } from '../../logging/logger';

/** Apollo's cache interface (`@apollo/utils.keyvaluecache`), as its options name it. */
export type ApolloKeyValueCache = NonNullable<PersistedQueryOptions['cache']>;

/**
 * Apollo prefixes every key of `persistedQueries.cache` with this (its `APQ_CACHE_PREFIX`);
 * the WebSocket side reads and writes the same keys, so a hash registered over one transport
 * (or on another instance) is known on the other.
 */
export const APOLLO_APQ_PREFIX = 'apq:';

/** In memory, registrations are bounded by their total text size; least recently used go first. */
export const MEMORY_STORE_MAX_BYTES = 32 * 1024 * 1024;

/** Registered APQ documents by hash: in memory (one instance) or Redis (every instance). */
export interface PersistedQueryStore {
  get(hash: string): Promise<string | undefined>;
  register(hash: string, query: string): Promise<void>;
  /** For ApolloServer's `persistedQueries.cache` (Apollo adds APOLLO_APQ_PREFIX to keys). */
  readonly apolloCache: ApolloKeyValueCache;
  close(): Promise<void>;
}

export interface PersistedQueryStoreOptions {
  /** `redis://...`; omitted → process memory. */
  redisUrl: string | undefined;
  /** Redis key prefix (and Keyv namespace); one per deployment, a unique one per test. */
  prefix: string;
  ttlSeconds: number;
  logger: Logger;
}

function memoryCache(): LRUCache<string, NonNullable<unknown>> {
  return new LRUCache<string, NonNullable<unknown>>({
    maxSize: MEMORY_STORE_MAX_BYTES,
    // Keyv stores its serialized entry (the query text plus its expiry) as a string.
    sizeCalculation: (value) => (typeof value === 'string' ? Math.max(1, value.length) : 1024),
  });
}

/**
 * A failing store is a miss, never a failed request: APQ clients then send the text again,
 * and a registration that could not be written is only logged (Apollo's
 * ErrorsAreMissesCache does the same for its caches).
 */
export async function createPersistedQueryStore(
  options: PersistedQueryStoreOptions,
): Promise<PersistedQueryStore> {
  const { logger, prefix } = options;
  const ttlMs = options.ttlSeconds * 1000;
  let keyv: Keyv<string>;
  let close = async (): Promise<void> => {};
  if (options.redisUrl) {
    // Without the offline queue a command fails at once while Redis is away (a miss)
    // instead of holding the request until Redis is back.
    const client = createClient({ url: options.redisUrl, disableOfflineQueue: true });
    // node-redis reports every reconnect attempt; one line per outage is enough.
    let reachable = true;
    client.on('error', (err: unknown) => {
      if (!reachable) return;
      reachable = false;
      logger.warn({ err }, 'APQ store: Redis unreachable; persisted queries miss until it is back');
    });
    client.on('ready', () => {
      if (reachable) return;
      reachable = true;
      logger.info('APQ store: Redis reachable again');
    });
    await client.connect();
    keyv = new Keyv<string>({
      store: new KeyvRedis(client, { namespace: prefix }),
      namespace: prefix,
      useKeyPrefix: false,
    });
    close = async () => {
      if (client.isOpen) await client.close();
    };
  } else {
    keyv = new Keyv<string>({ store: memoryCache(), namespace: prefix });
  }
  // Keyv answers a failed command as a miss and reports it here; the outage is logged above.
  keyv.on('error', (err: unknown) => logger.debug({ err }, 'APQ store command failed'));

  const read = async (key: string): Promise<string | undefined> => {
    try {
      const value = await keyv.get(key);
      return typeof value === 'string' ? value : undefined;
    } catch (err) {
      logger.warn({ err }, 'APQ store read failed; answering as a miss');
      return undefined;
    }
  };
  const write = async (key: string, value: string, ttl: number): Promise<void> => {
    try {
      await keyv.set(key, value, ttl);
    } catch (err) {
      logger.warn({ err }, 'APQ store write failed; the hash stays unregistered');
    }
  };
  return {
    get: (hash) => read(APOLLO_APQ_PREFIX + hash),
    register: (hash, query) => write(APOLLO_APQ_PREFIX + hash, query, ttlMs),
    apolloCache: {
      get: read,
      set: (key, value, setOptions) =>
        write(key, value, typeof setOptions?.ttl === 'number' ? setOptions.ttl * 1000 : ttlMs),
      delete: async (key) => {
        await keyv.delete(key);
      },
    },
    close,
  };
}
