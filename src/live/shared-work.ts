import { LRUCache } from 'lru-cache';

/**
 * Single-flight work with a short memory: the first caller of a key runs `load`, callers
 * within `ttlMs` share its promise. Bounded: the least recently used keys go first past
 * `maxEntries`. Shared reads of subscribers and the access filter's answers both use it.
 */
export class SharedWork {
  private readonly entries: LRUCache<string, Promise<unknown>>;

  constructor(ttlMs = 2_000, maxEntries = 10_000, now: () => number = Date.now) {
    this.entries = new LRUCache({
      max: maxEntries,
      ttl: ttlMs,
      // Read the clock on every check: the default 1 ms resolution caches it behind a timer.
      ttlResolution: 0,
      perf: { now },
    });
  }

  /** `fresh` skips a remembered promise (the answer may just have changed) and replaces it. */
  run<T>(key: string, load: () => Promise<T>, options: { fresh?: boolean } = {}): Promise<T> {
    const hit = options.fresh ? undefined : this.entries.get(key);
    // Every value stored under a key comes from a `load` of that key's callers.
    if (hit) return hit as Promise<T>;
    const value = load();
    this.entries.set(key, value);
    // A failure is shared by the callers waiting on it, never by later ones.
    value.catch(() => {
      if (this.entries.peek(key) === value) this.entries.delete(key);
    });
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
