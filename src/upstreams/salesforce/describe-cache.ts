import { LRUCache } from 'lru-cache';
import type { DescribedField, SalesforceClient } from './client';
import type { SObjectName } from './soql';

/** Ten minutes: picklist values change by an admin's hand in Setup, rarely within a session. */
export const DEFAULT_DESCRIBE_TTL_MS = 600_000;

/** The describe types whose values the cache keeps. */
const PICKLIST_TYPES = new Set(['picklist', 'multipicklist']);

/**
 * Objects' picklist fields as each visibility scope (org and user: field-level security differs per
 * profile) last read them, kept for `ttlMs`: what picklist metadata is built from, so a UI
 * that asks on every form costs one describe per object per scope and period. Emptied by
 * `clear()` when the schema is reloaded or `refreshCache` runs: an admin who changed a
 * picklist and asks for fresh data gets it at once.
 */
export class DescribeCache {
  private readonly cache: LRUCache<string, Promise<DescribedField[]>>;

  constructor(options: { ttlMs?: number; maxEntries?: number } = {}) {
    this.cache = new LRUCache({
      max: options.maxEntries ?? 2_000,
      ttl: options.ttlMs ?? DEFAULT_DESCRIBE_TTL_MS,
    });
  }

  /**
   * `object`'s picklist fields as `client`'s user sees them; `scope` names that user
   * (`org:user`). Only those are kept: a whole describe per user would hold every other field
   * too, for nothing.
   */
  picklistFields(
    scope: string,
    object: SObjectName,
    client: SalesforceClient,
  ): Promise<DescribedField[]> {
    const describe = client.describeFields?.bind(client);
    if (!describe) return Promise.resolve([]);
    const key = `${scope}\u0000${object}`;
    let pending = this.cache.get(key);
    if (!pending) {
      pending = describe(object).then((fields) =>
        fields.filter((field) => PICKLIST_TYPES.has(field.type)),
      );
      // A failed describe is not remembered: the next request asks again.
      pending.catch(() => {
        if (this.cache.get(key) === pending) this.cache.delete(key);
      });
      this.cache.set(key, pending);
    }
    return pending;
  }

  clear(): void {
    this.cache.clear();
  }
}
