import { BoundedQueue } from './bounded-queue';
import type { Topic } from '../topics';

export type Listener<T> = (payload: T, topicName: string) => void;
export type Unsubscribe = () => Promise<void>;

export interface AsyncIteratorOptions {
  /** Events a subscriber may fall behind before it is dropped with `SlowConsumerError`. */
  maxQueue?: number;
}

/** An async iterator over topics; `ready` resolves once the subscription is live. */
export interface PubSubIterator<T> extends AsyncIterableIterator<T> {
  readonly ready: Promise<void>;
}

/** One interface for in-process and Redis fan-out; payloads must be JSON-safe. */
export interface PubSub {
  publish<T>(topic: Topic<T>, payload: T): Promise<void>;
  subscribe<T>(topics: Topic<T> | readonly Topic<T>[], listener: Listener<T>): Promise<Unsubscribe>;
  asyncIterator<T>(
    topics: Topic<T> | readonly Topic<T>[],
    options?: AsyncIteratorOptions,
  ): PubSubIterator<T>;
  close(): Promise<void>;
}

export const DEFAULT_MAX_QUEUE = 256;

export function topicList<T>(topics: Topic<T> | readonly Topic<T>[]): readonly Topic<T>[] {
  return Array.isArray(topics) ? topics : [topics as Topic<T>];
}

/**
 * `asyncIterator` in terms of `subscribe`, shared by both implementations: each iterator
 * has its own bounded queue, so one slow consumer cannot hold memory for the others.
 */
export function iteratorFromSubscribe<T>(
  subscribe: (listener: Listener<T>) => Promise<Unsubscribe>,
  options: AsyncIteratorOptions = {},
  onError: (error: unknown) => void = () => {},
): PubSubIterator<T> {
  let unsubscribe: Unsubscribe | undefined;
  let ended = false;
  const release = (): void => {
    const current = unsubscribe;
    unsubscribe = undefined;
    if (current) current().catch(onError);
  };
  const queue = new BoundedQueue<T>({
    maxQueue: options.maxQueue ?? DEFAULT_MAX_QUEUE,
    onEnd: () => {
      ended = true;
      release();
    },
  });
  const ready = subscribe((payload) => {
    queue.push(payload);
  }).then(
    (unsub) => {
      unsubscribe = unsub;
      // The consumer may have gone while Redis was still confirming the subscription.
      if (ended) release();
    },
    (error: unknown) => {
      queue.fail(error instanceof Error ? error : new Error(String(error)));
    },
  );
  return Object.assign(queue, { ready });
}
