export { createCacheStore, type CacheStore, type CacheStoreOptions } from './cache-store';
export {
  CrossRequestCache,
  type CacheDependencies,
  type CacheObserver,
  type CacheRead,
  type CacheStatus,
  type CrossRequestCacheOptions,
  type InvalidationReason,
} from './cross-request-cache';
