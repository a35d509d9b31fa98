/**
 * Single-flight work with a short memory: the first caller of a key runs `load`, callers
 * within `ttlMs` share its promise. Bounded: the oldest keys go first past `maxEntries`.
 */
export class SharedWork {
  private readonly entries = new Map<string, { expiresAt: number; value: Promise<unknown> }>();

  constructor(
    private readonly ttlMs = 2_000,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  run<T>(key: string, load: () => Promise<T>): Promise<T> {
    const now = this.now();
    this.evict(now);
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > now) return hit.value as Promise<T>;
    const value = load();
    this.entries.delete(key);
    this.entries.set(key, { expiresAt: now + this.ttlMs, value });
    // A failure is shared by the callers waiting on it, never by later ones.
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }

  get size(): number {
    return this.entries.size;
  }

  private evict(now: number): void {
    // Insertion order is expiry order (one TTL for all), so expired keys sit at the front.
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt > now && this.entries.size <= this.maxEntries) break;
      this.entries.delete(key);
    }
  }
}
