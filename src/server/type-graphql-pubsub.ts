import type { PubSub as TypeGraphQLPubSub } from 'type-graphql';
import type { PubSub } from '../live/pubsub/pubsub';
import { defineTopic } from '../live/topics';

/**
 * type-graphql's PubSub shape (`publish(routingKey, payload)`, `subscribe(routingKey)` as an
 * AsyncIterable) over the gateway's pubsub, topic names as routing keys.
 */
export function toTypeGraphQLPubSub(
  pubsub: PubSub,
  onError: (error: unknown) => void,
): TypeGraphQLPubSub {
  return {
    publish(routingKey, ...args) {
      pubsub.publish(defineTopic<unknown>(routingKey), args[0]).catch(onError);
    },
    subscribe(routingKey) {
      return pubsub.asyncIterator(defineTopic<unknown>(routingKey));
    },
  };
}
