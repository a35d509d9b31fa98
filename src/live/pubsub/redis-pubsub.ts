import { Redis, type RedisOptions } from 'ioredis';
import type { Listener, Unsubscribe } from './pubsub';
import type { Admission } from './change-admission';
import { RegistryPubSub } from './registry-pubsub';
import type { Topic } from '../topics';

export interface RedisPubSubOptions {
  redisUrl: string;
  /** Prepended to every channel: one per org/deployment, a unique one per test. */
  channelPrefix?: string;
  onError?: (error: unknown) => void;
  redisOptions?: RedisOptions;
  /** Checked once per message this instance receives, before it reaches any listener. */
  admit?: Admission;
  /**
   * What a topic's local listeners get once this instance's subscriptions are back after
   * the subscribing connection was lost (undefined: nothing). Redis pub/sub keeps nothing
   * for a disconnected subscriber, so whatever was published meanwhile may be gone.
   */
  reconnectSignal?: (topicName: string) => unknown;
  /**
   * Topics whose payloads are published again once this instance's subscriptions are back,
   * when they were published while Redis was unreachable or this instance not resubscribed
   * yet (they may have reached nobody). Only for topics receivers deduplicate (`admit`).
   */
  redeliver?: (topicName: string) => boolean;
  /** At most this many payloads are kept for publishing again; the oldest go first. */
  maxRedeliveries?: number;
}

type Published = readonly [channel: string, message: string];

/**
 * Fan-out across gateway instances: payloads travel as JSON over Redis PUBLISH; each
 * instance SUBSCRIBEs once per topic it has local listeners for and fans out locally.
 */
export class RedisPubSub extends RegistryPubSub {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly prefix: string;
  /** Serialises SUBSCRIBE/UNSUBSCRIBE so a quick unsubscribe+subscribe cannot reorder. */
  private pending: Promise<unknown> = Promise.resolve();
  private closing = false;
  private resubscriptions = 0;
  /** False from a lost subscribing connection until its subscriptions are confirmed again. */
  private subscriptionsLive = true;
  /** Bumped whenever the subscribing connection closes: a stale confirmation is ignored. */
  private subscriberEpoch = 0;
  private publisherDown = false;
  /** Publishes awaiting Redis's answer: a closing connection may have lost them. */
  private readonly inFlight = new Set<Published>();
  /** Publishes that may have reached nobody; published again once subscriptions are back. */
  private unheard: Published[] = [];
  private readonly maxRedeliveries: number;
  private readonly redeliver: (topicName: string) => boolean;

  constructor(options: RedisPubSubOptions) {
    super(options.onError);
    this.prefix = options.channelPrefix ?? 'atom:';
    this.publisher = new Redis(options.redisUrl, { lazyConnect: false, ...options.redisOptions });
    this.subscriber = new Redis(options.redisUrl, { lazyConnect: false, ...options.redisOptions });
    this.maxRedeliveries = options.maxRedeliveries ?? 1_000;
    this.redeliver = options.redeliver ?? (() => false);
    this.publisher.on('error', this.onError);
    this.subscriber.on('error', this.onError);
    this.publisher.on('close', () => {
      if (this.closing) return;
      this.publisherDown = true;
      for (const published of this.inFlight) this.remember(published);
    });
    this.publisher.on('ready', () => {
      this.publisherDown = false;
      // The offline queue went to a Redis our subscriptions never left: nothing was missed.
      if (this.subscriptionsLive) this.unheard = [];
    });
    this.subscriber.on('close', () => {
      if (this.closing) return;
      this.subscriptionsLive = false;
      this.subscriberEpoch += 1;
    });
    this.subscriber.on('ready', () => {
      if (this.subscriptionsLive || this.closing) return;
      void this.afterReconnect(this.subscriberEpoch, options.reconnectSignal);
    });
    this.subscriber.on('message', (channel: string, message: string) => {
      if (!channel.startsWith(this.prefix)) return;
      let payload: unknown;
      try {
        payload = JSON.parse(message);
      } catch (error) {
        this.onError(error);
        return;
      }
      const name = channel.slice(this.prefix.length);
      if (options.admit && !options.admit(name, payload)) return;
      this.registry.deliver(name, payload);
    });
  }

  async publish<T>(topic: Topic<T>, payload: T): Promise<void> {
    const published: Published = [this.prefix + topic.name, JSON.stringify(payload)];
    if (!this.redeliver(topic.name)) {
      await this.publisher.publish(...published);
      return;
    }
    if (this.publisherDown || !this.subscriptionsLive) this.remember(published);
    this.inFlight.add(published);
    try {
      await this.publisher.publish(...published);
    } finally {
      this.inFlight.delete(published);
    }
  }

  async subscribe<T>(
    topics: Topic<T> | readonly Topic<T>[],
    listener: Listener<T>,
  ): Promise<Unsubscribe> {
    const { names, wrapped } = RegistryPubSub.untyped(topics, listener);
    const fresh = names.filter((name) => this.registry.add(name, wrapped));
    if (fresh.length > 0) {
      await this.serialise(() => this.subscriber.subscribe(...fresh.map((n) => this.prefix + n)));
    }
    return async () => {
      const idle = names.filter((name) => this.registry.remove(name, wrapped));
      if (idle.length === 0) return;
      await this.serialise(async () => {
        // A new listener may have arrived while the queue drained.
        const still = idle.filter((name) => !this.registry.has(name));
        if (still.length > 0)
          await this.subscriber.unsubscribe(...still.map((n) => this.prefix + n));
      });
    };
  }

  /** Times the subscriptions were confirmed again after a lost connection (metrics, tests). */
  get resubscribeCount(): number {
    return this.resubscriptions;
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.pending.catch(() => {});
    await Promise.allSettled([this.subscriber.quit(), this.publisher.quit()]);
  }

  /**
   * ioredis resubscribes on its own once the connection is ready again; one more SUBSCRIBE
   * on the same connection is answered after that, so its reply says the subscriptions are
   * live. Only then is the signal delivered (anything published before may have been
   * missed) and what may have reached nobody published again.
   */
  private async afterReconnect(
    epoch: number,
    signal: ((topicName: string) => unknown) | undefined,
  ): Promise<void> {
    try {
      await this.serialise(async () => {
        const names = this.registry.topicNames();
        if (names.length > 0) await this.subscriber.subscribe(...names.map((n) => this.prefix + n));
      });
    } catch (error) {
      // The connection went again; the next 'ready' starts over.
      this.onError(error);
      return;
    }
    if (epoch !== this.subscriberEpoch || this.closing) return;
    this.subscriptionsLive = true;
    this.resubscriptions += 1;
    if (signal) {
      for (const name of this.registry.topicNames()) {
        const payload = signal(name);
        if (payload !== undefined) this.registry.deliver(name, payload);
      }
    }
    const again = this.unheard;
    this.unheard = [];
    for (const published of again) {
      this.publisher.publish(...published).catch(this.onError);
    }
  }

  private remember(published: Published): void {
    if (this.unheard.includes(published)) return;
    this.unheard.push(published);
    // Beyond the bound the reconnect signal alone tells subscribers to refetch.
    if (this.unheard.length > this.maxRedeliveries) this.unheard.shift();
  }

  private serialise<R>(task: () => Promise<R>): Promise<R> {
    const run = this.pending.then(task, task);
    this.pending = run.catch(() => {});
    return run;
  }
}
