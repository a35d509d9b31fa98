import {
  iteratorFromSubscribe,
  topicList,
  type AsyncIteratorOptions,
  type Listener,
  type PubSub,
  type PubSubIterator,
  type Unsubscribe,
} from './pubsub';
import { TopicRegistry } from './topic-registry';
import type { Topic } from '../topics';

/**
 * What the in-process and Redis fan-outs share: local listeners in a topic registry and
 * iterators built on `subscribe`. They differ only in how a payload reaches the registry.
 */
export abstract class RegistryPubSub implements PubSub {
  protected readonly registry: TopicRegistry;
  protected readonly onError: (error: unknown) => void;

  protected constructor(onError: ((error: unknown) => void) | undefined) {
    this.onError = onError ?? (() => {});
    this.registry = new TopicRegistry(this.onError);
  }

  abstract publish<T>(topic: Topic<T>, payload: T): Promise<void>;
  abstract subscribe<T>(
    topics: Topic<T> | readonly Topic<T>[],
    listener: Listener<T>,
  ): Promise<Unsubscribe>;
  abstract close(): Promise<void>;

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

  /** The registry is untyped; the topic's phantom type is what ties payload to listener. */
  protected static untyped<T>(
    topics: Topic<T> | readonly Topic<T>[],
    listener: Listener<T>,
  ): { names: string[]; wrapped: Listener<unknown> } {
    return {
      names: topicList(topics).map((t) => t.name),
      wrapped: (payload, name) => listener(payload as T, name),
    };
  }
}
