import type { AccessFilter } from './access-filter';
import type { PubSubIterator } from './pubsub/pubsub';
import type { Topic } from './topics';

/**
 * What the subscription resolvers need of the server's live-change machinery (the CDC bridge,
 * the pubsub, the access filter). One per gateway instance, shared by every connection.
 */
export interface LiveChangeFeed {
  /**
   * An iterator over `topics`, live once the promise resolves: its pubsub subscription is
   * confirmed and the org's upstream subscription is started (lazily, on the first call).
   * `upstream: false` for topics no upstream subscription feeds (linked-service webhooks).
   */
  listen<T>(
    topics: readonly Topic<T>[],
    options?: { upstream?: boolean },
  ): Promise<PubSubIterator<T>>;
  /** Shared by every subscriber: one `canSee` query per viewer and event batch. */
  readonly accessFilter: AccessFilter;
  /**
   * Single-flight, briefly cached work shared by subscribers: 1,000 subscribers of one viewer
   * cost one read of a changed record, not 1,000.
   */
  shared<T>(key: string, load: () => Promise<T>): Promise<T>;
  /**
   * Counts a subscriber served by another's listener (a shared execution) among the
   * subscribers, until the returned release is called.
   */
  countSubscriber?(): () => void;
}

/** How a subscription reaches its transport (the graphql-ws socket). */
export interface ConnectionControl {
  close(code: number, reason: string): void;
}

/** graphql-ws leaves 4000–4999 to applications; 4008 mirrors 1008 "policy violation". */
export const SLOW_CONSUMER_CLOSE = { code: 4008, reason: 'Slow consumer' } as const;
