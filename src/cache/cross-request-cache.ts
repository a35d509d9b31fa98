import { createHash, randomUUID } from 'node:crypto';
import type { Logger } from '../logging/logger';
import type { CacheStore } from './cache-store';

/** Why entries were dropped (a metric label and a log field). */
export type InvalidationReason = 'change-event' | 'write' | 'refresh' | 'change-stream-down';

/** What one cached read depends on: object types, or everything (a query we cannot parse). */
export type CacheDependencies = readonly string[] | 'all';

export interface CacheRead {
  /** Visibility scope (`orgId:userId` of whoever the upstream call acts as). */
  scope: string;
  /** What kind of call (`query`, `queryAll`, `search`...): the same text may answer differently. */
  kind: string;
  /** The exact request text (SOQL, SOSL, or a serialised retrieve). */
  text: string;
  dependsOn: CacheDependencies;
  /** Metric label: the object type the read is about (bounded by the caller). */
  label: string;
}

export interface CacheObserver {
  lookup(label: string, outcome: 'hit' | 'miss' | 'bypass'): void;
  invalidated(type: string, reason: InvalidationReason): void;
}

export interface CrossRequestCacheOptions {
  store: CacheStore;
  /** Every object type a read may depend on: `all` stands for these. */
  knownTypes: readonly string[];
  /** Entry lifetime while a change stream invalidates entries (the backstop). */
  ttlMs: number;
  /** Entry lifetime while none does: staleness is bounded by this alone. */
  fallbackTtlMs: number;
  observer?: CacheObserver;
  logger?: Logger;
  /** How often the change stream's health is checked between reads. Default 1 s. */
  healthCheckMs?: number;
}

export interface CacheStatus {
  enabled: true;
  store: 'memory' | 'redis';
  /** `change-events`: CDC events and the gateway's writes drop entries; `ttl-only`: writes and the short TTL. */
  invalidation: 'change-events' | 'ttl-only';
  ttlMs: number;
  hits: number;
  misses: number;
  /** Change events that dropped entries on this instance. */
  changeEvents: number;
  invalidations: number;
}

const GLOBAL = '*';

/** The stored value, wrapped so a cached `null` answer is still a hit. */
interface Envelope {
  v: unknown;
}

const isEnvelope = (value: unknown): value is Envelope =>
  typeof value === 'object' && value !== null && 'v' in value;

/**
 * Salesforce reads kept across requests. An entry's key carries its visibility scope, the
 * hash of its exact request text and the version token of every object type it depends on.
 * Invalidating a type replaces its token: entries read under the old one are never found
 * again (they age out of the LRU or TTL). Because a read takes the tokens *before* it calls
 * Salesforce, a read that races a write stores its (possibly old) rows under a token the
 * write already replaced, so they are never served.
 */
export class CrossRequestCache {
  private readonly store: CacheStore;
  private readonly options: CrossRequestCacheOptions;
  private changeStreamHealthy: () => boolean = () => false;
  private lastHealthy = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly initializing = new Map<string, Promise<string | undefined>>();
  private counters = { hits: 0, misses: 0, changeEvents: 0, invalidations: 0 };

  constructor(options: CrossRequestCacheOptions) {
    this.store = options.store;
    this.options = options;
  }

  /**
   * Says whether change events reach this cache now. Until called, and whenever it answers
   * false, entries live `fallbackTtlMs`; when it turns false, every entry is dropped (the
   * events it may miss would have invalidated them).
   */
  watchChangeStream(healthy: () => boolean): void {
    this.changeStreamHealthy = healthy;
    this.lastHealthy = healthy();
    clearInterval(this.timer);
    this.timer = setInterval(() => void this.checkHealth(), this.options.healthCheckMs ?? 1_000);
    this.timer.unref();
  }

  /** `load`'s value from the cache when present; else loaded, stored when `cacheable`. */
  async read<T>(
    request: CacheRead,
    load: () => Promise<T>,
    cacheable: (value: T) => boolean = () => true,
  ): Promise<T> {
    const healthy = await this.checkHealth();
    const key = await this.keyOf(request);
    if (key === undefined) {
      this.options.observer?.lookup(request.label, 'bypass');
      return load();
    }
    // Keyv hands back a deserialized copy: a caller mutating its rows cannot alter the entry.
    const found = await this.store.entries.get(key).catch(() => undefined);
    if (isEnvelope(found)) {
      this.counters.hits += 1;
      this.options.observer?.lookup(request.label, 'hit');
      return found.v as T;
    }
    this.counters.misses += 1;
    this.options.observer?.lookup(request.label, 'miss');
    const value = await load();
    if (cacheable(value)) {
      const ttl = healthy ? this.options.ttlMs : this.options.fallbackTtlMs;
      const envelope: Envelope = { v: value };
      await this.store.entries.set(key, envelope, ttl).catch(() => false);
    }
    return value;
  }

  /**
   * Drops every entry depending on `types` (`all`: every entry), on every instance sharing
   * the store. A type no read declares (`knownTypes`) drops everything: some `all` read
   * might have seen it.
   */
  async invalidate(types: CacheDependencies, reason: InvalidationReason): Promise<void> {
    const known = new Set(this.options.knownTypes);
    const targets =
      types === 'all' || types.some((type) => !known.has(type)) ? [GLOBAL] : [...new Set(types)];
    this.counters.invalidations += 1;
    if (reason === 'change-event') this.counters.changeEvents += 1;
    await Promise.all(
      targets.map((type) => this.store.versions.set(type, randomUUID()).catch(() => false)),
    );
    for (const type of targets) this.options.observer?.invalidated(type, reason);
    this.options.logger?.debug({ types: targets, reason }, 'cache invalidated');
  }

  status(): CacheStatus {
    return {
      enabled: true,
      store: this.store.kind,
      invalidation: this.lastHealthy ? 'change-events' : 'ttl-only',
      ttlMs: this.lastHealthy ? this.options.ttlMs : this.options.fallbackTtlMs,
      ...this.counters,
    };
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.store.close();
  }

  /**
   * The token of a type read for the first time (or whose token was lost): a fresh random one,
   * so it can only miss, never revive entries of an older token. Single-flight per type, and
   * read back after writing: concurrent first reads (here, or on another instance) settle on
   * the one stored, or their entries would be keyed by tokens nobody reads again.
   */
  private firstToken(name: string): Promise<string | undefined> {
    let pending = this.initializing.get(name);
    if (pending === undefined) {
      pending = (async () => {
        try {
          // Another first read may have settled it since this read looked.
          const existing = await this.store.versions.get(name);
          if (typeof existing === 'string') return existing;
          const saved = await this.store.versions.set(name, randomUUID());
          if (!saved) return undefined;
          const stored = await this.store.versions.get(name);
          return typeof stored === 'string' ? stored : undefined;
        } catch {
          return undefined;
        } finally {
          this.initializing.delete(name);
        }
      })();
      this.initializing.set(name, pending);
    }
    return pending;
  }

  private async checkHealth(): Promise<boolean> {
    let healthy = false;
    try {
      healthy = this.changeStreamHealthy();
    } catch {
      healthy = false;
    }
    const wasHealthy = this.lastHealthy;
    this.lastHealthy = healthy;
    if (wasHealthy && !healthy) {
      this.options.logger?.warn(
        'cache: change events stopped; entries dropped, new ones live CACHE_FALLBACK_TTL_MS',
      );
      await this.invalidate('all', 'change-stream-down');
    } else if (!wasHealthy && healthy) {
      this.options.logger?.info('cache: change events flow; entries live CACHE_TTL_MS');
    }
    return healthy;
  }

  /**
   * The entry key, or undefined when the version tokens cannot be read (a store outage: the
   * read goes upstream uncached rather than trusting a key built without them).
   */
  private async keyOf(request: CacheRead): Promise<string | undefined> {
    const types =
      request.dependsOn === 'all' ? this.options.knownTypes : [...new Set(request.dependsOn)];
    const names = [GLOBAL, ...[...types].sort()];
    let tokens: Array<string | undefined>;
    try {
      tokens = await this.store.versions.getMany(names);
    } catch {
      return undefined;
    }
    const resolved: string[] = [];
    for (let i = 0; i < names.length; i += 1) {
      let token = tokens[i];
      if (typeof token !== 'string') {
        token = await this.firstToken(names[i] as string);
        if (token === undefined) return undefined;
      }
      resolved.push(`${names[i]}=${token}`);
    }
    const text = createHash('sha256').update(request.text).digest('base64url');
    return `${request.scope}|${request.kind}|${resolved.join(',')}|${text}`;
  }
}
