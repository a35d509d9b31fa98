import { createHash, randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Logger } from '../logging/logger';
import type { CacheStore } from './cache-store';
import { EchoLedger, type EchoHandle } from './echo-ledger';

/** Why entries were dropped (a metric label and a log field). */
export type InvalidationReason = 'change-event' | 'write' | 'refresh' | 'change-stream-down';

/** What one cached read depends on: object types, or everything (a query we cannot parse). */
export type CacheDependencies = readonly string[] | 'all';

/** A finer dependency on one type: only a change to one of these facets of it matters. */
export interface FacetDependency {
  type: string;
  /** Facet names the caller defines (a field, `rows`, ...); `rows` is dropped with the type. */
  names: readonly string[];
}

/** The facet every write that adds or removes records of a type replaces. */
export const ROWS = 'rows';

export interface CacheRead {
  /** Visibility scope (`orgId:userId` of whoever the upstream call acts as). */
  scope: string;
  /** What kind of call (`query`, `queryAll`, `search`...): the same text may answer differently. */
  kind: string;
  /** The exact request text (SOQL, SOSL, or a serialised retrieve). */
  text: string;
  dependsOn: CacheDependencies;
  /** Types depended on through some facets only (never also in `dependsOn`). */
  facets?: readonly FacetDependency[];
  /**
   * The record ids of a loaded value: given, an entry is also dropped when one of these
   * records is updated after the read began (`invalidateRecords`). Undefined: not kept.
   */
  rowIds?: (value: never) => readonly string[] | undefined;
  /**
   * The facets of the records' fields this read returns: only an update of one of them drops
   * the entry. Absent: any update of a returned record does.
   */
  recordFacets?: readonly string[];
  /** Metric label: the object type the read is about (bounded by the caller). */
  label: string;
  /**
   * Load and store without looking up: a mutation's reads must see Salesforce itself, but
   * what they read after their write is the freshest answer there is to keep.
   */
  refresh?: boolean;
}

export interface CacheObserver {
  lookup(label: string, outcome: 'hit' | 'miss' | 'bypass'): void;
  invalidated(type: string, reason: InvalidationReason): void;
  /**
   * A miss was loaded and stored again: `changed` when the answer differs from the last one
   * stored for the same scope and request, `unchanged` when it is the same (the invalidation
   * that caused the miss was not needed for this entry), `first` when none is remembered.
   */
  refilled?(label: string, outcome: 'first' | 'changed' | 'unchanged'): void;
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
  /** Change events recognised as echoes of this instance's own updates (nothing dropped). */
  echoes: number;
  invalidations: number;
}

const GLOBAL = '*';

/** Longer than any entry lives, so no entry outlives the record version that invalidates it. */
export function recordVersionTtlMs(ttlMs: number, fallbackTtlMs: number): number {
  return 2 * Math.max(ttlMs, fallbackTtlMs) + 60_000;
}

/** The stored value, wrapped so a cached `null` answer is still a hit. */
interface Envelope {
  v: unknown;
  /** The records the value holds, the stamp taken before it was read, the facets it shows. */
  ids?: readonly string[];
  s?: number;
  f?: readonly string[];
}

/** How long an update's change event is awaited as its echo (events take milliseconds). */
const ECHO_WAIT_MS = 10_000;

/** How many answers' digests are remembered for the refill metric. */
const REMEMBERED_ANSWERS = 10_000;

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
  private counters = { hits: 0, misses: 0, changeEvents: 0, echoes: 0, invalidations: 0 };
  /** The last answer's digest per scope and request (metric only; bounded). */
  private readonly answers = new LRUCache<string, string>({ max: REMEMBERED_ANSWERS });
  private readonly echoes = new EchoLedger(ECHO_WAIT_MS);
  /** Loads in flight by entry key: concurrent misses of one key share one call. */
  private readonly loading = new Map<string, Promise<Envelope | undefined>>();

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
      if (request.refresh !== true) this.options.observer?.lookup(request.label, 'bypass');
      return load();
    }
    if (request.refresh !== true) {
      // Keyv hands back a deserialized copy: a caller mutating its rows cannot alter the entry.
      const found = await this.store.entries.get(key).catch(() => undefined);
      let answer = isEnvelope(found) && (await this.recordsUnchanged(found)) ? found : undefined;
      // Checked and joined without an await in between, so concurrent misses find the load.
      const pending = answer === undefined ? this.loading.get(key) : undefined;
      if (pending !== undefined) answer = await this.joinLoad(pending);
      if (answer !== undefined) {
        this.counters.hits += 1;
        this.options.observer?.lookup(request.label, 'hit');
        return answer.v as T;
      }
      this.counters.misses += 1;
      this.options.observer?.lookup(request.label, 'miss');
    }
    let settle: (envelope: Envelope | undefined) => void = () => {};
    const shared = new Promise<Envelope | undefined>((resolve) => (settle = resolve));
    this.loading.set(key, shared);
    let envelope: Envelope | undefined;
    try {
      // Taken before the read: an update stamped later may have been missed by it.
      const stamp =
        request.rowIds === undefined ? undefined : await this.store.nextStamp().catch(() => null);
      const value = await load();
      if (stamp === null || !cacheable(value)) return value;
      const stored: Envelope = { v: value };
      if (request.rowIds !== undefined && stamp !== undefined) {
        const ids = (request.rowIds as (value: T) => readonly string[] | undefined)(value);
        if (ids === undefined) return value;
        stored.ids = ids;
        stored.s = stamp;
        if (request.recordFacets !== undefined) stored.f = request.recordFacets;
      }
      const ttl = healthy ? this.options.ttlMs : this.options.fallbackTtlMs;
      await this.store.entries.set(key, stored, ttl).catch(() => false);
      this.noteRefill(request, value);
      envelope = stored;
      return value;
    } finally {
      if (this.loading.get(key) === shared) this.loading.delete(key);
      settle(envelope);
    }
  }

  /**
   * The answer of a load of the same key already in flight on this instance (a dashboard
   * opened in many tabs misses the same entry at once): one Salesforce call for all of them.
   * Its key carries the same tokens, so no change to a type or facet came between; its
   * records are checked like a stored entry's, since an update may have stamped one since
   * that load began. Each caller gets its own copy.
   */
  private async joinLoad(pending: Promise<Envelope | undefined>): Promise<Envelope | undefined> {
    const envelope = await pending;
    if (envelope === undefined || !(await this.recordsUnchanged(envelope))) return undefined;
    return { ...envelope, v: structuredClone(envelope.v) };
  }

  /**
   * Drops every entry depending on `types` (`all`: every entry), on every instance sharing
   * the store: their tokens and their `rows` facet. A type no read declares (`knownTypes`)
   * drops everything: some `all` read might have seen it.
   */
  async invalidate(types: CacheDependencies, reason: InvalidationReason): Promise<void> {
    const targets = this.targetsOf(types);
    const names = targets.flatMap((type) => (type === GLOBAL ? [type] : [type, `${type}#${ROWS}`]));
    await this.replaceTokens(names, targets, reason);
  }

  /**
   * An update of `ids` (records of `type`) that may have changed `facets`: drops the entries
   * depending on the whole type or on one of those facets, and the entries showing one of
   * those facets of one of the records (their stamps now postdate those entries').
   */
  async invalidateRecords(
    type: string,
    ids: readonly string[],
    facets: readonly string[],
    reason: InvalidationReason,
  ): Promise<void> {
    const targets = this.targetsOf([type]);
    if (targets.includes(GLOBAL)) return this.invalidate('all', reason);
    const stamp = ids.length === 0 ? undefined : await this.store.nextStamp().catch(() => null);
    if (stamp === null) return this.invalidate([type], reason);
    const ttl = this.recordVersionTtlMs();
    const [, ...stamped] = await Promise.all([
      this.replaceTokens([type, ...facets.map((facet) => `${type}#${facet}`)], [type], reason),
      ...ids.flatMap((id) =>
        [id, ...facets.map((facet) => `${id}#${facet}`)].map((key) =>
          this.store.records.set(key, stamp ?? 0, ttl).then(
            () => true,
            () => false,
          ),
        ),
      ),
    ]);
    // An entry showing the record would not see a lost stamp: drop the whole type instead.
    if (stamped.includes(false)) await this.invalidate([type], reason);
  }

  /** Before an update is sent: its change event will echo what `invalidateRecords` drops. */
  expectEcho(type: string, ids: readonly string[], fields: readonly string[]): EchoHandle {
    return this.echoes.expect(type, ids, fields);
  }

  /**
   * A change event's update of `ids` naming `fields` (lower case, audit fields left out):
   * true when it only echoes an update of this instance whose invalidation is done.
   */
  isEcho(type: string, ids: readonly string[], fields: readonly string[]): boolean {
    const echo = this.echoes.isEcho(type, ids, fields);
    if (echo) this.counters.echoes += 1;
    return echo;
  }

  /** A change event other than a plain update: no echo of an own update may be awaited on `ids`. */
  settleEchoes(type: string, ids: readonly string[]): void {
    this.echoes.settle(type, ids);
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

  private targetsOf(types: CacheDependencies): string[] {
    const known = new Set(this.options.knownTypes);
    return types === 'all' || types.some((type) => !known.has(type))
      ? [GLOBAL]
      : [...new Set(types)];
  }

  private async replaceTokens(
    names: readonly string[],
    types: readonly string[],
    reason: InvalidationReason,
  ): Promise<void> {
    this.counters.invalidations += 1;
    if (reason === 'change-event') this.counters.changeEvents += 1;
    await Promise.all(
      names.map((name) => this.store.versions.set(name, randomUUID()).catch(() => false)),
    );
    for (const type of types) this.options.observer?.invalidated(type, reason);
    this.options.logger?.debug({ tokens: names, reason }, 'cache invalidated');
  }

  private recordVersionTtlMs(): number {
    return recordVersionTtlMs(this.options.ttlMs, this.options.fallbackTtlMs);
  }

  /** Whether none of the entry's records was updated after its read began. */
  private async recordsUnchanged(envelope: Envelope): Promise<boolean> {
    if (envelope.ids === undefined || envelope.ids.length === 0) return true;
    const since = envelope.s ?? 0;
    try {
      const facets = envelope.f;
      const keys =
        facets === undefined
          ? [...envelope.ids]
          : envelope.ids.flatMap((id) => facets.map((facet) => `${id}#${facet}`));
      const stamps = await this.store.records.getMany(keys);
      return stamps.every((stamp) => typeof stamp !== 'number' || stamp < since);
    } catch {
      return false;
    }
  }

  private noteRefill(request: CacheRead, value: unknown): void {
    const observer = this.options.observer;
    if (observer?.refilled === undefined) return;
    const digest = createHash('sha1')
      .update(JSON.stringify(value) ?? 'undefined')
      .digest('base64url');
    const text = createHash('sha1').update(request.text).digest('base64url');
    const at = `${request.scope}|${request.kind}|${text}`;
    const before = this.answers.get(at);
    this.answers.set(at, digest);
    observer.refilled(
      request.label,
      before === undefined ? 'first' : before === digest ? 'unchanged' : 'changed',
    );
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
      this.echoes.clear();
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
    const facets = (request.facets ?? []).flatMap(({ type, names: facetNames }) =>
      facetNames.map((facet) => `${type}#${facet}`),
    );
    const names = [GLOBAL, ...[...types].sort(), ...[...new Set(facets)].sort()];
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
