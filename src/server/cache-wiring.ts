import { createCacheStore, CrossRequestCache, recordVersionTtlMs } from '../cache';
import type { GatewayConfig } from '../config';
import type { LiveChanges } from '../live/live-changes';
import { SOBJECT_TYPES, type NormalizedChange } from '../live/normalized-change';
import { recordChangedTopic } from '../live/topics';
import type { Logger } from '../logging/logger';
import { createCacheMetrics } from '../observability';
import type { Registry } from 'prom-client';
import { CACHEABLE_OBJECTS } from '../upstreams/salesforce/cached-client';
import {
  changesSharing,
  echoFields,
  facetsOfUpdate,
} from '../upstreams/salesforce/soql/cache-facets';

export interface SalesforceCacheDeps {
  config: GatewayConfig;
  /** The instance's live-changes core; without it the cache relies on the short TTL alone. */
  live: LiveChanges | undefined;
  registry: Registry;
  logger: Logger;
}

export interface RunningCache {
  cache: CrossRequestCache;
  /** Stops listening to change events: before the live-changes core stops. */
  stopListening(): Promise<void>;
  /** Closes the store: after in-flight operations drained. */
  close(): Promise<void>;
}

/**
 * What one change event drops: for a plain update, the entries its changed fields and
 * records can alter (none when it only echoes this instance's own update); otherwise, or
 * when it moves sharing, the whole type (everything).
 */
async function invalidateFor(cache: CrossRequestCache, change: NormalizedChange): Promise<void> {
  const fields = change.upstreamChangedFields;
  const type = change.entityName;
  if (change.changeType !== 'UPDATE' || change.gapKind !== undefined || fields === undefined) {
    // The event may be an own update's echo in another form (a GAP): an expectation left
    // armed would take the next real update of those records for an echo.
    cache.settleEchoes(type, change.recordIds);
    await cache.invalidate([type], 'change-event');
  } else if (changesSharing(type, fields)) {
    cache.settleEchoes(type, change.recordIds);
    await cache.invalidate('all', 'change-event');
  } else if (!cache.isEcho(type, change.recordIds, echoFields(fields))) {
    await cache.invalidateRecords(
      type,
      change.recordIds,
      facetsOfUpdate(type, fields),
      'change-event',
    );
  }
}

/** Pause before listening again after the change stream's iterator ended unexpectedly. */
const RELISTEN_MS = 1_000;

/**
 * The cross-request cache of Salesforce reads, invalidated by the org's change events. It
 * listens to every record-changed topic from boot, which starts the CDC bridge at boot too
 * (otherwise the bridge starts with the first GraphQL subscription): a cache that trusted
 * entries for CACHE_TTL_MS without the change stream would serve stale rows. Until the
 * stream is confirmed, and whenever it stops, entries live CACHE_FALLBACK_TTL_MS only.
 * With Redis, every instance receives every change through the pubsub fan-out, and the
 * version tokens that invalidation replaces live in Redis: one drop reaches every instance.
 */
export async function startSalesforceCache(
  deps: SalesforceCacheDeps,
): Promise<RunningCache | undefined> {
  const { config, live } = deps;
  if (!config.cache.enabled) return undefined;
  const logger = deps.logger.child({ component: 'cache' });
  const store = await createCacheStore({
    ...(config.redisUrl ? { redisUrl: config.redisUrl } : {}),
    namespace: `${config.subscriptionsNamespace}:cache`,
    maxEntries: config.cache.maxEntries,
    maxBytes: config.cache.maxBytes,
    recordVersionTtlMs: recordVersionTtlMs(config.cache.ttlMs, config.cache.fallbackTtlMs),
    logger,
  });
  // The gauge reads the cache's mode at scrape time; the cache needs the observer first.
  const holder: { cache?: CrossRequestCache } = {};
  const observer = createCacheMetrics(deps.registry, () => holder.cache?.status());
  const cache = new CrossRequestCache({
    store,
    knownTypes: CACHEABLE_OBJECTS,
    ttlMs: config.cache.ttlMs,
    fallbackTtlMs: config.cache.fallbackTtlMs,
    observer,
    logger,
  });
  holder.cache = cache;
  const running = cache;
  if (live === undefined) {
    logger.warn(
      'cache: no change stream (subscriptions off or no integration credential); entries live CACHE_FALLBACK_TTL_MS',
    );
    return { cache: running, stopListening: async () => {}, close: () => running.close() };
  }

  const feed = live;
  let stopped = false;
  let wake: () => void = () => {};
  const stopping = new Promise<void>((resolve) => {
    wake = resolve;
  });
  let consuming = false;
  let iterator: AsyncIterableIterator<unknown> | undefined;
  running.watchChangeStream(() => consuming && live.changeStreamListening());
  const topics = SOBJECT_TYPES.map((type) => recordChangedTopic(type));

  async function consume(): Promise<void> {
    while (!stopped) {
      try {
        const changes = await feed.watch(topics);
        if (stopped) {
          await changes.return?.();
          break;
        }
        iterator = changes;
        consuming = true;
        for await (const change of changes) await invalidateFor(running, change);
      } catch (err) {
        logger.warn({ err }, 'cache: change stream ended; listening again');
      } finally {
        consuming = false;
        iterator = undefined;
      }
      if (!stopped) {
        await Promise.race([
          stopping,
          new Promise((resolve) => setTimeout(resolve, RELISTEN_MS).unref()),
        ]);
      }
    }
  }
  const consumer = consume();

  return {
    cache: running,
    async stopListening() {
      stopped = true;
      wake();
      await iterator?.return?.();
      // Not awaiting `consumer`: a `watch` still starting (up to the upstream wait) ends the
      // loop by itself once it answers.
      consumer.catch(() => {});
    },
    close: () => running.close(),
  };
}
