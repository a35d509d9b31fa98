import { Redis } from 'ioredis';
import type { Logger } from '../logging/logger';
import { AccessFilter } from './access-filter';
import { CdcBridge, type CdcBridgeStats, type ListeningOutcome } from './change-bridge';
import type { ChangeSource } from './change-source';
import { Coalescer } from './coalescer';
import { memoryEventClaims, redisEventClaims, type EventClaims } from './event-claims';
import type { LinkedChange } from './linked-changes';
import type { LiveChangeFeed } from './live-change-feed';
import { MemoryLeaderLock, RedisLeaderLock, type LeaderLock } from './leader-lock';
import { createChangeAdmission } from './pubsub/change-admission';
import { createPubSub } from './pubsub/create-pubsub';
import { DEFAULT_MAX_QUEUE, type PubSubIterator } from './pubsub/pubsub';
import { ReconnectSignals } from './reconnect-signals';
import { createReplayStore } from './replay-store';
import { SharedWork } from './shared-work';
import { PIPELINE_CHANGED_TOPIC, RECORD_CHANGED_TOPIC_PREFIX, type Topic } from './topics';

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
  /** Pipeline-changed coalescing: quiet time and longest postponement. Defaults 250 ms / 1 s. */
  pipelineWindowMs?: number;
  pipelineMaxDelayMs?: number;
  /** How long the first subscription waits for the upstream subscription. Default 10 s. */
  upstreamWaitMs?: number;
  /** Record changes this instance remembers to drop a failover's replay. Default 10,000. */
  dedupeWindow?: number;
}

export interface LiveChangesDeps {
  /** The org's change stream (the server plugs in the upstream's adapter). */
  source: ChangeSource;
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
  /**
   * "Pipeline changed" ticks this instance published (coalesced bursts of Opportunity
   * changes); each makes every `pipelineChanged` subscriber recompute its report as itself.
   */
  pipelineRecomputes: number;
}

/**
 * The entry point of the change sources other than CDC (the linked services' webhooks): they
 * publish already-resolved changes, once, into the same pubsub the subscribers listen to.
 */
export interface LinkedChangeSink {
  /** Fans a change out to the subscribers of every instance (Redis) or of this one. */
  publish<R>(topic: Topic<LinkedChange<R>>, change: LinkedChange<R>): Promise<void>;
  /** Which deliveries were handled already, shared by every instance on one Redis. */
  readonly claims: EventClaims;
}

export interface LiveChanges extends LiveChangeFeed, LinkedChangeSink {
  stats(): LiveChangesStats;
  /**
   * `listen` for the gateway's own consumers (the cross-request cache): it starts the bridge
   * the same way, but is not counted as a GraphQL subscriber.
   */
  watch<T>(topics: readonly Topic<T>[]): Promise<PubSubIterator<T>>;
  /**
   * True while a write cannot go unseen by this instance: its upstream subscription is
   * confirmed, or (Redis) another instance holds it. False before the bridge started, while
   * the confirmation is pending, and after stop.
   */
  changeStreamListening(): boolean;
  /** Stops the bridge (replayId flushed, lock released), then the pubsub and stores. */
  stop(): Promise<void>;
}

/** `promise`'s outcome, or undefined when it takes longer than `ms`. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
    timer.unref();
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
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

  const isChangeTopic = (name: string): boolean => name.startsWith(RECORD_CHANGED_TOPIC_PREFIX);
  const admission = createChangeAdmission({
    isChangeTopic,
    windowSize: options.dedupeWindow,
  });
  const reconnectSignals = new ReconnectSignals();
  const pubsub = createPubSub({
    redisUrl: deps.redisUrl,
    channelPrefix: `${namespace}:`,
    onError,
    admit: (name, payload) => {
      if (!admission(name, payload)) return false;
      reconnectSignals.observe(name, payload);
      return true;
    },
    reconnectSignal: (name) => reconnectSignals.signal(name),
    // Every instance drops a change it already fanned out (admission), so a change the
    // leader publishes again after an outage reaches each subscriber at most once.
    redeliver: isChangeTopic,
  });
  const replay = await createReplayStore({
    redisUrl: deps.redisUrl,
    namespace: `${namespace}:cdc`,
  });
  let lockRedis: Redis | undefined;
  let lock: LeaderLock;
  let claims: EventClaims;
  if (deps.redisUrl) {
    lockRedis = new Redis(deps.redisUrl);
    lockRedis.on('error', onError);
    claims = redisEventClaims(lockRedis, `${namespace}:webhooks:seen:`);
    lock = new RedisLeaderLock({
      redis: lockRedis,
      key: `${namespace}:cdc:leader`,
      ttlMs: options.lockTtlMs,
      renewEveryMs: options.lockRenewEveryMs,
      onError,
    });
  } else {
    lock = new MemoryLeaderLock();
    claims = memoryEventClaims();
  }

  const { source } = deps;
  const coalescer = new Coalescer({
    // The report depends on who asks (sharing) and on their filter, so the consumer only
    // announces that the pipeline changed; subscribers recompute it as themselves.
    onFlush: (asOf) =>
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
    onPublished: (change) => {
      if (change.type === 'OPPORTUNITY') coalescer.notify();
    },
    onError,
  });

  const accessFilter = new AccessFilter({
    ttlMs: options.accessTtlMs ?? 2_000,
    onError,
    valueFieldNames: (key) => source.valueFieldNames(key),
  });
  const shared = new SharedWork(options.accessTtlMs ?? 2_000);
  const upstreamWaitMs = options.upstreamWaitMs ?? 10_000;
  let starting: Promise<void> | undefined;
  let subscribers = 0;
  let listening: ListeningOutcome | undefined;

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

  /**
   * Starts the bridge and waits until a write can no longer slip past this instance's
   * subscribers: its own upstream subscription is confirmed, or (Redis) the lock chose
   * another instance, which holds the subscription. Bounded: an unreachable upstream only
   * delays the first subscription, it does not fail it.
   */
  function ensureStarted(): Promise<void> {
    starting ??= (async () => {
      const confirmed = bridge.start().then(() => bridge.listening());
      // Recorded whenever it comes, also after the wait below gave up.
      confirmed.then(
        (result) => {
          listening = result;
        },
        () => {},
      );
      const outcome: ListeningOutcome | undefined = await within(confirmed, upstreamWaitMs);
      if (outcome === undefined) {
        logger.warn('the upstream CDC subscription is not confirmed yet; continuing');
      }
    })();
    return starting;
  }

  async function started<T>(
    topics: readonly Topic<T>[],
    options: { upstream?: boolean } = {},
  ): Promise<PubSubIterator<T>> {
    const iterator = pubsub.asyncIterator(topics, { maxQueue });
    try {
      await iterator.ready;
      // Linked-service topics are fed by webhooks, not by the org's CDC subscription.
      if (options.upstream !== false) await ensureStarted();
    } catch (error) {
      await iterator.return?.();
      throw error;
    }
    return iterator;
  }

  let stopped = false;
  return {
    accessFilter,
    async listen<T>(
      topics: readonly Topic<T>[],
      options: { upstream?: boolean } = {},
    ): Promise<PubSubIterator<T>> {
      // Counted once live: /readyz then tells a client its subscription cannot miss a write.
      return counted(await started(topics, options));
    },
    watch: (topics) => started(topics),
    changeStreamListening: () => !stopped && (listening === 'upstream' || listening === 'follower'),
    shared: (key, load) => shared.run(key, load),
    publish: (topic, change) => pubsub.publish(topic, change),
    claims,
    countSubscriber() {
      subscribers += 1;
      let counting = true;
      return () => {
        if (counting) subscribers -= 1;
        counting = false;
      };
    },
    stats: () => ({
      ...bridge.stats(),
      started: starting !== undefined,
      subscribers,
      accessQueries: accessFilter.queryCount,
      pipelineRecomputes: coalescer.flushCount,
    }),
    async stop() {
      stopped = true;
      await coalescer.stop();
      await bridge.stop();
      await starting?.catch(() => {});
      await Promise.allSettled([pubsub.close(), replay.close()]);
      await lockRedis?.quit().catch(() => {});
    },
  };
}
