import type { ChangeEventSource, RawChangeEvent, StopChangeEventSource } from './change-source';
import { normalizeChange } from '../upstreams/salesforce/cdc/change-normalizer';
import { ReplayDeduper } from './dedupe';
import { toContractFieldNames } from '../upstreams/salesforce/cdc/field-names';
import { MemoryLeaderLock, type LeaderLock } from './leader-lock';
import type { NormalizedChange, SObjectTypeName } from './normalized-change';
import type { PubSub } from './pubsub/pubsub';
import type { ReplayStore } from './replay-store';
import { recordChangedTopic } from './topics';

/** A record as re-read from Salesforce: API field names, `Id` required. */
export interface RereadRecord {
  Id: string;
  [field: string]: unknown;
}

export interface CdcBridgeOptions {
  source: ChangeEventSource;
  pubsub: PubSub;
  replayStore: ReplayStore;
  /** Who consumes when several instances run; default: this instance, always. */
  leaderLock?: LeaderLock;
  /**
   * Current state of records a GAP event names (the integration user's view). Records
   * missing from the answer are treated as deleted. Without it, GAPs go out as `GAP`.
   */
  rereadRecords?: (type: SObjectTypeName, ids: readonly string[]) => Promise<RereadRecord[]>;
  /** Where to start when nothing is stored: -1 new events only (default), -2 all retained. */
  initialReplayFrom?: -1 | -2;
  dedupeWindow?: number;
  /** Called for each published change (cache invalidation, the pipeline coalescer). */
  onPublished?: (change: NormalizedChange) => void;
  onError?: (error: unknown) => void;
}

export interface CdcBridgeStats {
  /** 1 while this instance holds the upstream subscription, else 0. */
  upstreamSubscriptions: number;
  isLeader: boolean;
  processed: number;
  duplicatesDropped: number;
  published: number;
  lastReplayId: string | undefined;
}

/**
 * The org's single CDC consumer: source → normalize → dedupe → (GAP: re-read) → publish →
 * persist the replayId. GraphQL subscribers never reach the source; they read the pubsub.
 */
export class CdcBridge {
  private readonly deduper: ReplayDeduper;
  private readonly lock: LeaderLock;
  private readonly onError: (error: unknown) => void;
  private stopSource: StopChangeEventSource | undefined;
  /** Leadership changes and stop() run one after another. */
  private transitions: Promise<void> = Promise.resolve();
  private started = false;
  private counters = { processed: 0, duplicatesDropped: 0, published: 0 };
  private lastReplayId: string | undefined;

  constructor(private readonly options: CdcBridgeOptions) {
    this.deduper = new ReplayDeduper({ windowSize: options.dedupeWindow });
    this.lock = options.leaderLock ?? new MemoryLeaderLock();
    this.onError = options.onError ?? (() => {});
  }

  /** Begins campaigning; the upstream subscription opens when (and while) this instance leads. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.lock.start((leader) => {
      this.transition(() => (leader ? this.openUpstream() : this.closeUpstream()));
    });
    await this.transitions;
  }

  /** Closes the upstream subscription, flushes the replayId and gives up leadership. */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    this.transition(() => this.closeUpstream());
    await this.transitions;
    // Released only after the flush, so the next leader resumes from our last event.
    await this.lock.stop();
  }

  stats(): CdcBridgeStats {
    return {
      upstreamSubscriptions: this.stopSource ? 1 : 0,
      isLeader: this.lock.isLeader(),
      ...this.counters,
      lastReplayId: this.lastReplayId,
    };
  }

  /** Runs one raw event through the pipeline (the source calls it; tests may too). */
  async process(event: RawChangeEvent): Promise<void> {
    if (this.deduper.has(event.replayId)) {
      this.counters.duplicatesDropped += 1;
      return;
    }
    const change = normalizeChange(event);
    if (change) {
      const changes = change.changeType === 'GAP' ? await this.resolveGap(change) : [change];
      for (const published of changes) {
        await this.options.pubsub.publish(recordChangedTopic(published.type), published);
        this.counters.published += 1;
        this.notify(published);
      }
    }
    this.deduper.remember(event.replayId);
    this.counters.processed += 1;
    this.lastReplayId = event.replayId;
    await this.options.replayStore.save(event.replayId);
  }

  private transition(step: () => Promise<void>): void {
    this.transitions = this.transitions.then(step).catch((error: unknown) => this.onError(error));
  }

  private async openUpstream(): Promise<void> {
    if (this.stopSource || !this.started) return;
    // Read afresh: in Redis mode another instance may have advanced it while it led.
    const stored = await this.options.replayStore.load();
    if (stored !== undefined) this.deduper.remember(stored);
    const from = stored ?? this.options.initialReplayFrom ?? -1;
    this.stopSource = this.options.source.start(
      from,
      (event) => this.process(event),
      (error) => this.onError(error),
    );
  }

  private async closeUpstream(): Promise<void> {
    const stop = this.stopSource;
    this.stopSource = undefined;
    if (stop) await stop();
    await this.options.replayStore.flush();
  }

  /**
   * A GAP event says records changed without saying how. Re-reading them turns it into
   * ordinary changes; when that is impossible (overflow: no Ids; no reader; the read
   * failed) subscribers get the GAP itself and should refetch.
   */
  private async resolveGap(change: NormalizedChange): Promise<NormalizedChange[]> {
    const reread = this.options.rereadRecords;
    if (change.gapKind === 'GAP_OVERFLOW' || change.recordIds.length === 0 || !reread) {
      return [change];
    }
    let records: RereadRecord[];
    try {
      records = await reread(change.type, change.recordIds);
    } catch (error) {
      this.onError(error);
      return [change];
    }
    const byId = new Map(records.map((r) => [r.Id, r]));
    return change.recordIds.map((id) => {
      const record = byId.get(id) ?? byId.get(id.slice(0, 15));
      const base = { ...change, recordIds: [id] };
      delete base.values;
      delete base.accountIds;
      if (!record) return { ...base, changeType: 'DELETE', changedFields: [] };
      const values = withoutAttributes(record);
      const accountId = change.type === 'ACCOUNT' ? id : values.AccountId;
      return {
        ...base,
        changeType: 'UPDATE',
        changedFields: toContractFieldNames(Object.keys(values).filter((k) => k !== 'Id')),
        values,
        ...(typeof accountId === 'string' ? { accountIds: [accountId] } : {}),
      };
    });
  }

  private notify(change: NormalizedChange): void {
    try {
      this.options.onPublished?.(change);
    } catch (error) {
      this.onError(error);
    }
  }
}

function withoutAttributes(record: RereadRecord): Record<string, unknown> {
  const { attributes: _attributes, ...values } = record;
  return values;
}
