export { createCacheStore, type CacheStore, type CacheStoreOptions } from './cache-store';
export {
  CrossRequestCache,
  recordVersionTtlMs,
  ROWS,
  type CacheDependencies,
  type CacheObserver,
  type CacheRead,
  type CacheStatus,
  type CrossRequestCacheOptions,
  type FacetDependency,
  type InvalidationReason,
} from './cross-request-cache';
