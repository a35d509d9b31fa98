import { Redis } from 'ioredis';
import type { LiveChangeFeed } from './live-change-feed';
import { AccessFilter } from './access-filter';
import { CdcBridge, type CdcBridgeStats } from './change-bridge';
import { createChangeAdmission } from './pubsub/change-admission';
import type { ChangeEventSource } from './change-source';
import { createPubSub } from './pubsub/create-pubsub';
import { JsforceChangeEventSource } from '../upstreams/salesforce/cdc/jsforce-change-event-source';
import { MemoryLeaderLock, RedisLeaderLock, type LeaderLock } from './leader-lock';
import { PipelineCoalescer } from './pipeline-coalescer';
import { DEFAULT_MAX_QUEUE, type PubSubIterator } from './pubsub/pubsub';
import { createReplayStore } from './replay-store';
import { PIPELINE_CHANGED_TOPIC, RECORD_CHANGED_TOPIC_PREFIX, type Topic } from './topics';
import type { SalesforceClient } from '../upstreams/salesforce/client';
import type { SalesforceSession } from '../upstreams/salesforce/connection';
import { createCdcReread } from '../upstreams/salesforce/cdc/reread';
import type { Logger } from '../logging/logger';
import { observeStreaming } from '../upstreams/salesforce/cdc/observed-streaming';
import { SharedWork } from './shared-work';

export interface LiveChangesOptions {
  /** Prefix of every Redis key and channel: one per org, a unique one per test. Default `atom`. */
  namespace?: string;
  /** Events a subscriber may fall behind before it is dropped (4008). Default 256. */
  maxQueue?: number;
  /** How long access answers and shared reads are reused. Default 2 s. */
  accessTtlMs?: number;
  /** Redis leader lock: lifetime without renewal, and renewal period. Defaults 5 s / 1.5 s. */
  lockTtlMs?: number;
  lockRenewEveryMs?: number;
  /** Pipeline recompute coalescing: quiet time and longest postponement. Defaults 250 ms / 1 s. */
  pipelineWindowMs?: number;
  pipelineMaxDelayMs?: number;
  /** How long the first subscription waits for the upstream CometD subscription. Default 10 s. */
  upstreamWaitMs?: number;
  /** Record changes this instance remembers to drop a failover's replay. Default 10,000. */
  dedupeWindow?: number;
  /** Replaces the jsforce CometD source (tests). */
  source?: ChangeEventSource;
}

export interface LiveChangesDeps {
  /** The integration (CDC) user's session: the one upstream subscription is theirs. */
  session: SalesforceSession;
  /** The same user's client: GAP re-reads. */
  client: SalesforceClient;
  redisUrl: string | undefined;
  logger: Logger;
  options?: LiveChangesOptions;
}

export interface LiveChangesStats extends CdcBridgeStats {
  /** False until the first subscription started the bridge. */
  started: boolean;
  /** GraphQL subscriptions listening on this instance. */
  subscribers: number;
  accessQueries: number;
  pipelineRecomputes: number;
}

export interface LiveChanges extends LiveChangeFeed {
  stats(): LiveChangesStats;
  /** Stops the bridge (replayId flushed, lock released), then the pubsub and stores. */
  stop(): Promise<void>;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/**
 * The instance's live-change machinery. The bridge starts with the first GraphQL
 * subscription, not at boot: after a restart it resumes from the stored replayId, and the
 * events it replays must find a listener, or they would be published to nobody and lost.
 */
export async function createLiveChanges(deps: LiveChangesDeps): Promise<LiveChanges> {
  const options = deps.options ?? {};
  const logger = deps.logger.child({ component: 'live-changes' });
  const namespace = options.namespace ?? 'atom';
  const onError = (err: unknown): void => logger.warn({ err }, 'live changes');
  const maxQueue = options.maxQueue ?? DEFAULT_MAX_QUEUE;

  const pubsub = createPubSub({
    redisUrl: deps.redisUrl,
    channelPrefix: `${namespace}:`,
    onError,
    admit: createChangeAdmission({
      isChangeTopic: (name) => name.startsWith(RECORD_CHANGED_TOPIC_PREFIX),
      windowSize: options.dedupeWindow,
    }),
  });
  const replay = await createReplayStore({
    redisUrl: deps.redisUrl,
    namespace: `${namespace}:cdc`,
  });
  let lockRedis: Redis | undefined;
  let lock: LeaderLock;
  if (deps.redisUrl) {
    lockRedis = new Redis(deps.redisUrl);
    lockRedis.on('error', onError);
    lock = new RedisLeaderLock({
      redis: lockRedis,
      key: `${namespace}:cdc:leader`,
      ttlMs: options.lockTtlMs,
      renewEveryMs: options.lockRenewEveryMs,
      onError,
    });
  } else {
    lock = new MemoryLeaderLock();
  }

  let upstreamLive = false;
  const source =
    options.source ??
    new JsforceChangeEventSource({
      getConnection: async () =>
        observeStreaming(await deps.session.connection(), () => {
          upstreamLive = true;
        }),
      refresh: async () => {
        const conn = await deps.session.connection();
        await conn._refreshDelegate?.refresh(Date.now());
      },
    });

  const coalescer = new PipelineCoalescer<null>({
    // The report depends on who asks (sharing) and on their filter, so the consumer only
    // announces that the pipeline changed; subscribers recompute it as themselves.
    computePipeline: async () => null,
    onReport: (_report, asOf) =>
      pubsub.publish(PIPELINE_CHANGED_TOPIC, { report: null, asOf: asOf.toISOString() }),
    onError,
    windowMs: options.pipelineWindowMs,
    maxDelayMs: options.pipelineMaxDelayMs,
  });

  const bridge = new CdcBridge({
    source,
    pubsub,
    replayStore: replay.store,
    leaderLock: lock,
    rereadRecords: createCdcReread(deps.client),
    onPublished: (change) => {
      if (change.type === 'OPPORTUNITY') coalescer.notify();
    },
    onError,
  });

  const accessFilter = new AccessFilter({ ttlMs: options.accessTtlMs ?? 2_000, onError });
  const shared = new SharedWork(options.accessTtlMs ?? 2_000);
  const upstreamWaitMs = options.upstreamWaitMs ?? 10_000;
  const lockDecisionMs = (options.lockRenewEveryMs ?? 1_500) + 500;
  let starting: Promise<void> | undefined;
  let stopped = false;
  let subscribers = 0;

  /** Counts a listener until its iterator ends, however it ends. */
  function counted<T>(
    iterator: PubSubIterator<T>,
  ): PubSubIterator<T> & { return(): Promise<IteratorResult<T>> } {
    const finished: IteratorResult<T> = { value: undefined, done: true };
    subscribers += 1;
    let open = true;
    const release = <R>(result: R): R => {
      if (open) {
        open = false;
        subscribers -= 1;
      }
      return result;
    };
    return {
      ready: iterator.ready,
      next: async () => {
        try {
          const result = await iterator.next();
          return result.done ? release(result) : result;
        } catch (error) {
          release(undefined);
          throw error;
        }
      },
      return: async () => release((await iterator.return?.()) ?? finished),
      throw: async (error: unknown) => release((await iterator.throw?.(error)) ?? finished),
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  /** Until this instance's upstream listens, or another instance is the one that consumes. */
  async function untilListening(): Promise<void> {
    const startedAt = Date.now();
    for (;;) {
      const elapsed = Date.now() - startedAt;
      if (stopped || (upstreamLive && bridge.stats().upstreamSubscriptions === 1)) return;
      if (options.source && bridge.stats().upstreamSubscriptions === 1) return;
      if (deps.redisUrl && !bridge.stats().isLeader && elapsed >= lockDecisionMs) return;
      if (elapsed >= upstreamWaitMs) {
        logger.warn('the upstream CDC subscription is not confirmed yet; continuing');
        return;
      }
      await delay(25);
    }
  }

  function ensureStarted(): Promise<void> {
    starting ??= (async () => {
      await bridge.start();
      await untilListening();
    })();
    return starting;
  }

  return {
    accessFilter,
    maxQueue,
    async listen<T>(topics: readonly Topic<T>[]): Promise<PubSubIterator<T>> {
      const iterator = pubsub.asyncIterator(topics, { maxQueue });
      try {
        await iterator.ready;
        await ensureStarted();
      } catch (error) {
        await iterator.return?.();
        throw error;
      }
      // Counted once live: /readyz then tells a client its subscription cannot miss a write.
      return counted(iterator);
    },
    shared: (key, load) => shared.run(key, load),
    stats: () => ({
      ...bridge.stats(),
      started: starting !== undefined,
      subscribers,
      accessQueries: accessFilter.queryCount,
      pipelineRecomputes: coalescer.recomputeCount,
    }),
    async stop() {
      stopped = true;
      await starting?.catch(() => {});
      await coalescer.stop();
      await bridge.stop();
      await Promise.allSettled([pubsub.close(), replay.close()]);
      await lockRedis?.quit().catch(() => {});
    },
  };
}
