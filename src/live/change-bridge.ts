import type { ChangeEvent, ChangeSource, ChangeSubscription, ReplayFrom } from './change-source';
import { ReplayDeduper } from './dedupe';
import { MemoryLeaderLock, type LeaderLock } from './leader-lock';
import type { NormalizedChange } from './normalized-change';
import type { PubSub } from './pubsub/pubsub';
import type { ReplayStore } from './replay-store';
import { recordChangedTopic } from './topics';

export interface CdcBridgeOptions {
  source: ChangeSource;
  pubsub: PubSub;
  replayStore: ReplayStore;
  /** Who consumes when several instances run; default: this instance, always. */
  leaderLock?: LeaderLock;
  /** Where to start when nothing is stored: -1 new events only (default), -2 all retained. */
  initialReplayFrom?: Extract<ReplayFrom, -1 | -2>;
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
  /** Commit time (ISO 8601) of the last event's newest change; metrics derive staleness. */
  lastCommitTimestamp: string | undefined;
  /** How long after that commit the event was published here (CDC lag). */
  lastLagMs: number | undefined;
}

/**
 * How `listening()` ended: this instance's upstream subscription is confirmed, another
 * instance holds it, or the bridge stopped.
 */
export type ListeningOutcome = 'upstream' | 'follower' | 'stopped';

/**
 * The org's single change consumer: source → dedupe by position → publish → persist the
 * position. GraphQL subscribers never reach the source; they read the pubsub.
 */
export class CdcBridge {
  private readonly deduper: ReplayDeduper;
  private readonly lock: LeaderLock;
  private readonly onError: (error: unknown) => void;
  private subscription: ChangeSubscription | undefined;
  /** Leadership changes and stop() run one after another. */
  private transitions: Promise<void> = Promise.resolve();
  private started = false;
  private starting: Promise<void> | undefined;
  private stopped!: () => void;
  private stopping = new Promise<void>((resolve) => (this.stopped = resolve));
  private counters = { processed: 0, duplicatesDropped: 0, published: 0 };
  private lastReplayId: string | undefined;
  private lastCommit: { timestamp: string; lagMs: number } | undefined;

  constructor(private readonly options: CdcBridgeOptions) {
    this.deduper = new ReplayDeduper({ windowSize: options.dedupeWindow });
    this.lock = options.leaderLock ?? new MemoryLeaderLock();
    this.onError = options.onError ?? (() => {});
  }

  /**
   * Begins campaigning and resolves once the lock made its first decision: when this
   * instance leads, its upstream subscription has been started (`listening()` says when the
   * upstream confirmed it).
   */
  start(): Promise<void> {
    if (this.started) return this.starting ?? Promise.resolve();
    this.started = true;
    this.stopping = new Promise<void>((resolve) => (this.stopped = resolve));
    this.starting = (async () => {
      await this.lock.start((leader) => {
        this.transition(() => (leader ? this.openUpstream() : this.closeUpstream()));
      });
      await this.transitions;
    })();
    return this.starting;
  }

  /**
   * Resolves once a write to the upstream can no longer go unseen by this instance's
   * subscribers: its own upstream subscription is confirmed, or another instance holds it
   * (a follower never opens one, so it must not wait for one). Unbounded: callers race it
   * with their own timeout.
   */
  async listening(): Promise<ListeningOutcome> {
    await this.starting;
    const subscription = this.subscription;
    if (!this.started) return 'stopped';
    if (!subscription) return 'follower';
    return Promise.race([
      subscription.ready.then((): ListeningOutcome => 'upstream'),
      this.stopping.then((): ListeningOutcome => 'stopped'),
    ]);
  }

  /** Closes the upstream subscription, flushes the position and gives up leadership. */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    this.stopped();
    this.transition(() => this.closeUpstream());
    await this.transitions;
    // Released only after the flush, so the next leader resumes from our last event.
    await this.lock.stop();
  }

  stats(): CdcBridgeStats {
    return {
      upstreamSubscriptions: this.subscription ? 1 : 0,
      isLeader: this.lock.isLeader(),
      ...this.counters,
      lastReplayId: this.lastReplayId,
      lastCommitTimestamp: this.lastCommit?.timestamp,
      lastLagMs: this.lastCommit?.lagMs,
    };
  }

  /** Runs one event through the pipeline (the source calls it; tests may too). */
  async process(event: ChangeEvent): Promise<void> {
    if (event.position !== undefined && this.deduper.has(event.position)) {
      this.counters.duplicatesDropped += 1;
      return;
    }
    let newest: number | undefined;
    for (const change of await event.changes()) {
      await this.options.pubsub.publish(recordChangedTopic(change.type), change);
      this.counters.published += 1;
      this.notify(change);
      const committed = Date.parse(change.commitTimestamp);
      if (Number.isFinite(committed)) newest = Math.max(newest ?? committed, committed);
    }
    if (newest !== undefined) {
      this.lastCommit = { timestamp: new Date(newest).toISOString(), lagMs: Date.now() - newest };
    }
    this.counters.processed += 1;
    if (event.position === undefined) return;
    this.deduper.remember(event.position);
    this.lastReplayId = event.position;
    await this.options.replayStore.save(event.position);
  }

  private transition(step: () => Promise<void>): void {
    this.transitions = this.transitions.then(step).catch((error: unknown) => this.onError(error));
  }

  private async openUpstream(): Promise<void> {
    if (this.subscription || !this.started) return;
    // Read afresh: in Redis mode another instance may have advanced it while it led.
    // A Redis that restarted empty has forgotten the position: this instance's own last one
    // still says where to resume (starting from "now" would drop what was committed while
    // nobody listened); whatever overlaps is dropped by position.
    const resumeFrom = (await this.options.replayStore.load()) ?? this.lastReplayId;
    if (resumeFrom !== undefined) this.deduper.remember(resumeFrom);
    const from = resumeFrom ?? this.options.initialReplayFrom ?? -1;
    this.subscription = this.options.source.start(
      from,
      (event) => this.process(event),
      (error) => this.onError(error),
    );
  }

  private async closeUpstream(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    if (subscription) await subscription.stop();
    await this.options.replayStore.flush();
  }

  private notify(change: NormalizedChange): void {
    try {
      this.options.onPublished?.(change);
    } catch (error) {
      this.onError(error);
    }
  }
}
