import { Counter, Gauge, type Registry } from 'prom-client';
import type { CacheObserver, CacheStatus } from '../cache';
import { BoundedLabel } from './bounded-label';

/**
 * The cross-request cache's series: lookups by object type and outcome (hit, miss, bypass:
 * the store could not be read), invalidations by type and reason, and whether change events
 * currently invalidate entries (1) or only the short fallback TTL bounds them (0).
 */
export function createCacheMetrics(
  registry: Registry,
  status: () => CacheStatus | undefined,
): CacheObserver {
  // Labels are object types the code names; bounded anyway, as a new mapping may add some.
  const types = new BoundedLabel(32);
  const lookups = new Counter({
    name: 'gateway_cache_lookups_total',
    help: 'Cross-request cache lookups of Salesforce reads, by object type and result (hit, miss, bypass)',
    labelNames: ['type', 'result'],
    registers: [registry],
  });
  const invalidations = new Counter({
    name: 'gateway_cache_invalidations_total',
    help: 'Cache invalidations by object type (* = every type) and reason (change-event, write, refresh, change-stream-down)',
    labelNames: ['type', 'reason'],
    registers: [registry],
  });
  const refills = new Counter({
    name: 'gateway_cache_refills_total',
    help: 'Cache misses loaded and stored again, by object type and outcome: first (no earlier answer remembered), changed, unchanged (the invalidation that caused the miss did not alter this answer)',
    labelNames: ['type', 'outcome'],
    registers: [registry],
  });
  new Gauge({
    name: 'gateway_cache_change_events_active',
    help: '1 while CDC change events invalidate the cache, 0 while it relies on CACHE_FALLBACK_TTL_MS',
    registers: [registry],
    collect() {
      this.set(status()?.invalidation === 'change-events' ? 1 : 0);
    },
  });
  return {
    lookup: (type, result) => lookups.inc({ type: types.value(type), result }),
    invalidated: (type, reason) => invalidations.inc({ type: types.value(type), reason }),
    refilled: (type, outcome) => refills.inc({ type: types.value(type), outcome }),
  };
}
