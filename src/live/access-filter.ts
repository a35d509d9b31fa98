import DataLoader from 'dataloader';
import type { NormalizedChange, SObjectTypeName } from './normalized-change';
import { SharedWork } from './shared-work';

/** What the gateway knows about one subscriber's upstream access (wired per viewer). */
export interface SubscriberAccess {
  /** Subscribers with the same key (the upstream user) share access queries and cache. */
  viewerKey: string;
  /**
   * The Ids among `ids` the viewer can see, asked of the upstream as the viewer (Salesforce:
   * `SELECT Id FROM <type> WHERE Id IN (...)` through `/queryAll`, so deletes are checked too).
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
  /** Cached answers kept at most (least recently used evicted first). */
  maxEntries?: number;
  now?: () => number;
  onError?: (error: unknown) => void;
  /**
   * The contract field names a key of `change.values` belongs to (the change source's
   * `valueFieldNames`); default: the key itself.
   */
  valueFieldNames?: (key: string) => readonly string[];
}

const NOT_DELIVERED: AccessDecision = { deliver: false, change: null };

/**
 * What a subscriber may learn of a change nobody could check for them: its type and time,
 * no records, fields, values or accounts (an anonymous GAP, as after GAP_OVERFLOW).
 */
export function refetchSignal(change: NormalizedChange): NormalizedChange {
  return {
    type: change.type,
    changeType: 'GAP',
    recordIds: [],
    changedFields: [],
    commitTimestamp: change.commitTimestamp,
    commitUserId: null,
    replayId: change.replayId,
    entityName: change.entityName,
  };
}
/** A change to these fields can move a record in or out of someone's sight. */
const SHARING_FIELDS = new Set(['owner']);

/**
 * CDC ignores sharing, so each change is checked against each subscriber before delivery.
 * Checks asked for in the same turn of the event loop are merged into one `canSee` call per
 * viewer and type (one `SELECT Id ... WHERE Id IN (...)`), answers are cached briefly. A
 * check that fails (an outage) never leaks the change, and never loses it either: the
 * subscriber gets a record-less GAP, the contract's "refetch what you show".
 */
export class AccessFilter {
  private readonly onError: (error: unknown) => void;
  private readonly valueFieldNames: (key: string) => readonly string[];
  private readonly answers: SharedWork;
  /** One loader per viewer, type and deleted-or-not, for the checks of the current turn. */
  private readonly batches = new Map<string, DataLoader<string, boolean>>();
  private queries = 0;

  constructor(options: AccessFilterOptions = {}) {
    this.answers = new SharedWork(
      options.ttlMs ?? 2_000,
      options.maxEntries ?? 50_000,
      options.now,
    );
    this.onError = options.onError ?? (() => {});
    this.valueFieldNames = options.valueFieldNames ?? ((key) => [key]);
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
      return { deliver: true, change: this.restrict(change, visibleIds, readable) };
    } catch (error) {
      this.onError(error);
      return { deliver: true, change: refetchSignal(change) };
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
      change.recordIds.map((id) =>
        this.answers.run(
          `${subscriber.viewerKey}\u0000${includeDeleted ? 'all' : 'live'}\u0000${id}`,
          () => this.batchOf(subscriber, change.type, includeDeleted).load(id),
          { fresh },
        ),
      ),
    );
    return change.recordIds.filter((_, i) => answers[i] === true);
  }

  private batchOf(
    access: SubscriberAccess,
    type: SObjectTypeName,
    includeDeleted: boolean,
  ): DataLoader<string, boolean> {
    const key = `${access.viewerKey}\u0000${type}\u0000${includeDeleted}`;
    let loader = this.batches.get(key);
    if (!loader) {
      const batch = new DataLoader<string, boolean>(
        async (ids) => {
          // The next turn's checks start a new batch (and a new memo: answers may change).
          if (this.batches.get(key) === batch) this.batches.delete(key);
          this.queries += 1;
          const visible = await access.canSee(type, ids, { includeDeleted });
          return ids.map((id) => visible.has(id));
        },
        // setImmediate, not a microtask: subscribers wake up over several microtask turns.
        { batchScheduleFn: (dispatch) => setImmediate(dispatch) },
      );
      loader = batch;
      this.batches.set(key, loader);
    }
    return loader;
  }

  private restrict(
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
        Object.entries(change.values).filter(([key]) => this.isReadable(readable, key)),
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

  private isReadable(readable: ReadonlySet<string> | 'ALL', key: string): boolean {
    if (readable === 'ALL' || key === 'Id') return true;
    return this.valueFieldNames(key).some((name) => readable.has(name));
  }
}
