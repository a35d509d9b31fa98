import {
  iteratorFromSubscribe,
  topicList,
  type AsyncIteratorOptions,
  type Listener,
  type PubSub,
  type PubSubIterator,
  type Unsubscribe,
} from './pubsub';
import type { Admission } from './change-admission';
import { TopicRegistry } from './topic-registry';
import type { Topic } from '../topics';

export interface MemoryPubSubOptions {
  onError?: (error: unknown) => void;
  /** Checked once per published payload, before it reaches any listener. */
  admit?: Admission;
}

/** Single-instance fan-out. Payloads go through JSON like Redis, so both behave alike. */
export class MemoryPubSub implements PubSub {
  private readonly registry: TopicRegistry;
  private readonly onError: (error: unknown) => void;
  private readonly admit: Admission | undefined;

  constructor(options: MemoryPubSubOptions = {}) {
    this.onError = options.onError ?? (() => {});
    this.admit = options.admit;
    this.registry = new TopicRegistry(this.onError);
  }

  async publish<T>(topic: Topic<T>, payload: T): Promise<void> {
    if (!this.registry.has(topic.name)) return;
    const copy = JSON.parse(JSON.stringify(payload)) as unknown;
    if (this.admit && !this.admit(topic.name, copy)) return;
    this.registry.deliver(topic.name, copy);
  }

  async subscribe<T>(
    topics: Topic<T> | readonly Topic<T>[],
    listener: Listener<T>,
  ): Promise<Unsubscribe> {
    // The registry is untyped; the topic's phantom type is what ties payload to listener.
    const wrapped: Listener<unknown> = (payload, name) => listener(payload as T, name);
    const names = topicList(topics).map((t) => t.name);
    for (const name of names) this.registry.add(name, wrapped);
    return async () => {
      for (const name of names) this.registry.remove(name, wrapped);
    };
  }

  asyncIterator<T>(
    topics: Topic<T> | readonly Topic<T>[],
    options?: AsyncIteratorOptions,
  ): PubSubIterator<T> {
    return iteratorFromSubscribe<T>(
      (listener) => this.subscribe(topics, listener),
      options,
      this.onError,
    );
  }

  /** Local listeners across topics (metrics, tests). */
  listenerCount(): number {
    return this.registry.listenerCount();
  }

  async close(): Promise<void> {}
}
