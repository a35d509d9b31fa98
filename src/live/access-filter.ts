import { contractFieldNames } from '../upstreams/salesforce/cdc/field-names';
import type { NormalizedChange, SObjectTypeName } from './normalized-change';

/** What the gateway knows about one subscriber's Salesforce access (wired per viewer). */
export interface SubscriberAccess {
  /** Subscribers with the same key (the Salesforce user) share access queries and cache. */
  viewerKey: string;
  /**
   * The Ids among `ids` the viewer can see, e.g. `SELECT Id FROM <type> WHERE Id IN (...)`
   * run as the viewer (`/queryAll` when `includeDeleted`, so deletes are checked too).
   */
  canSee(
    type: SObjectTypeName,
    ids: readonly string[],
    options: { includeDeleted: boolean },
  ): Promise<ReadonlySet<string>>;
  /** contract camelCase field names the viewer may read, or `'ALL'`. */
  readableFields(
    type: SObjectTypeName,
  ): ReadonlySet<string> | 'ALL' | Promise<ReadonlySet<string> | 'ALL'>;
}

export interface AccessDecision {
  deliver: boolean;
  /** The change as this subscriber may see it; null when not delivered. */
  change: NormalizedChange | null;
}

export interface AccessFilterOptions {
  /** How long a visibility answer is reused; CDC traffic comes in bursts. */
  ttlMs?: number;
  /** Cached answers kept at most (oldest evicted first). */
  maxEntries?: number;
  now?: () => number;
  onError?: (error: unknown) => void;
}

interface CacheEntry {
  expiresAt: number;
  visible: Promise<boolean>;
}

interface PendingBatch {
  access: SubscriberAccess;
  type: SObjectTypeName;
  includeDeleted: boolean;
  ids: Map<string, { resolve: (v: boolean) => void; reject: (e: unknown) => void }>;
}

const NOT_DELIVERED: AccessDecision = { deliver: false, change: null };
/** A change to these fields can move a record in or out of someone's sight. */
const SHARING_FIELDS = new Set(['owner']);

/**
 * CDC ignores sharing, so each change is checked against each subscriber before delivery.
 * Checks asked for in the same turn of the event loop are merged into one `canSee` call per
 * viewer and type (one `SELECT Id ... WHERE Id IN (...)`), answers are cached briefly, and
 * any failure keeps the change from the subscriber (fail closed).
 */
export class AccessFilter {
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  private readonly onError: (error: unknown) => void;
  private readonly cache = new Map<string, CacheEntry>();
  private readonly pending = new Map<string, PendingBatch>();
  private flushScheduled = false;
  private queries = 0;

  constructor(options: AccessFilterOptions = {}) {
    this.ttlMs = options.ttlMs ?? 2_000;
    this.maxEntries = options.maxEntries ?? 50_000;
    this.now = options.now ?? Date.now;
    this.onError = options.onError ?? (() => {});
  }

  /** `canSee` calls made so far (metrics, tests). */
  get queryCount(): number {
    return this.queries;
  }

  async decide(change: NormalizedChange, subscriber: SubscriberAccess): Promise<AccessDecision> {
    try {
      const visibleIds = await this.visibleIds(change, subscriber);
      if (change.recordIds.length > 0 && visibleIds.length === 0) return NOT_DELIVERED;
      const readable = await subscriber.readableFields(change.type);
      return { deliver: true, change: restrict(change, visibleIds, readable) };
    } catch (error) {
      this.onError(error);
      return NOT_DELIVERED;
    }
  }

  /** One decision per subscriber; subscribers of one viewer cost one access query. */
  async decideAll<K>(
    change: NormalizedChange,
    subscribers: Iterable<readonly [K, SubscriberAccess]>,
  ): Promise<Map<K, AccessDecision>> {
    const entries = [...subscribers];
    const decisions = await Promise.all(entries.map(([, s]) => this.decide(change, s)));
    return new Map(entries.map(([key], i) => [key, decisions[i] ?? NOT_DELIVERED]));
  }

  private async visibleIds(
    change: NormalizedChange,
    subscriber: SubscriberAccess,
  ): Promise<string[]> {
    if (change.recordIds.length === 0) return [];
    const includeDeleted = change.changeType === 'DELETE';
    // An owner change can hide the record from someone who saw it a moment ago.
    const fresh = change.changedFields.some((f) => SHARING_FIELDS.has(f));
    const answers = await Promise.all(
      change.recordIds.map((id) => this.lookup(subscriber, change.type, id, includeDeleted, fresh)),
    );
    return change.recordIds.filter((_, i) => answers[i] === true);
  }

  private lookup(
    access: SubscriberAccess,
    type: SObjectTypeName,
    id: string,
    includeDeleted: boolean,
    fresh: boolean,
  ): Promise<boolean> {
    const key = `${access.viewerKey}\u0000${includeDeleted ? 'all' : 'live'}\u0000${id}`;
    const now = this.now();
    const cached = this.cache.get(key);
    if (cached && cached.expiresAt > now && !fresh) return cached.visible;
    const visible = this.enqueue(access, type, id, includeDeleted);
    this.cache.delete(key);
    this.cache.set(key, { expiresAt: now + this.ttlMs, visible });
    // A failed answer must not be reused.
    visible.catch(() => {
      if (this.cache.get(key)?.visible === visible) this.cache.delete(key);
    });
    this.evict();
    return visible;
  }

  private enqueue(
    access: SubscriberAccess,
    type: SObjectTypeName,
    id: string,
    includeDeleted: boolean,
  ): Promise<boolean> {
    const batchKey = `${access.viewerKey}\u0000${type}\u0000${includeDeleted}`;
    let batch = this.pending.get(batchKey);
    if (!batch) {
      batch = { access, type, includeDeleted, ids: new Map() };
      this.pending.set(batchKey, batch);
    }
    const existing = batch.ids.get(id);
    const promise = new Promise<boolean>((resolve, reject) => {
      if (existing) {
        // Same id asked twice in one turn: both callers share the one answer.
        const prev = existing;
        batch.ids.set(id, {
          resolve: (v) => {
            prev.resolve(v);
            resolve(v);
          },
          reject: (e) => {
            prev.reject(e);
            reject(e);
          },
        });
      } else {
        batch.ids.set(id, { resolve, reject });
      }
    });
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      // setImmediate, not a microtask: subscribers wake up over several microtask turns.
      setImmediate(() => this.flush());
    }
    return promise;
  }

  private flush(): void {
    this.flushScheduled = false;
    const batches = [...this.pending.values()];
    this.pending.clear();
    for (const batch of batches) {
      this.queries += 1;
      const ids = [...batch.ids.keys()];
      batch.access.canSee(batch.type, ids, { includeDeleted: batch.includeDeleted }).then(
        (visible) => {
          for (const [id, waiter] of batch.ids) waiter.resolve(visible.has(id));
        },
        (error: unknown) => {
          for (const waiter of batch.ids.values()) waiter.reject(error);
        },
      );
    }
  }

  private evict(): void {
    while (this.cache.size > this.maxEntries) {
      const oldest = this.cache.keys().next();
      if (oldest.done) return;
      this.cache.delete(oldest.value);
    }
  }
}

function isReadable(readable: ReadonlySet<string> | 'ALL', apiName: string): boolean {
  if (readable === 'ALL' || apiName === 'Id') return true;
  return contractFieldNames(apiName).some((name) => readable.has(name));
}

function restrict(
  change: NormalizedChange,
  visibleIds: string[],
  readable: ReadonlySet<string> | 'ALL',
): NormalizedChange {
  const restricted: NormalizedChange = {
    ...change,
    recordIds: change.recordIds.length > 0 ? visibleIds : [],
    changedFields:
      readable === 'ALL'
        ? [...change.changedFields]
        : change.changedFields.filter((f) => readable.has(f)),
  };
  if (change.values) {
    restricted.values = Object.fromEntries(
      Object.entries(change.values).filter(([name]) => isReadable(readable, name)),
    );
  }
  if (change.accountIds) {
    if (change.type === 'ACCOUNT') restricted.accountIds = visibleIds;
    else if (readable === 'ALL' || readable.has('account'))
      restricted.accountIds = [...change.accountIds];
    else delete restricted.accountIds;
  }
  return restricted;
}
