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
}

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
  /** The subscribing connection closed and has not resubscribed since. */
  private interrupted = false;
  private closing = false;
  private resubscriptions = 0;

  constructor(options: RedisPubSubOptions) {
    super(options.onError);
    this.prefix = options.channelPrefix ?? 'atom:';
    this.publisher = new Redis(options.redisUrl, { lazyConnect: false, ...options.redisOptions });
    this.subscriber = new Redis(options.redisUrl, { lazyConnect: false, ...options.redisOptions });
    this.publisher.on('error', this.onError);
    this.subscriber.on('error', this.onError);
    this.subscriber.on('close', () => {
      if (!this.closing) this.interrupted = true;
    });
    this.subscriber.on('ready', () => {
      if (!this.interrupted || this.closing) return;
      this.interrupted = false;
      void this.afterReconnect(options.reconnectSignal);
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
    await this.publisher.publish(this.prefix + topic.name, JSON.stringify(payload));
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
   * live. Only then is the signal delivered: anything published before may have been missed.
   */
  private async afterReconnect(
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
    this.resubscriptions += 1;
    if (!signal || this.closing) return;
    for (const name of this.registry.topicNames()) {
      const payload = signal(name);
      if (payload !== undefined) this.registry.deliver(name, payload);
    }
  }

  private serialise<R>(task: () => Promise<R>): Promise<R> {
    const run = this.pending.then(task, task);
    this.pending = run.catch(() => {});
    return run;
  }
}
