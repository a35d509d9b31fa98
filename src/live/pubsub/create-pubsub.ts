import type { Admission } from './change-admission';
import { MemoryPubSub } from './memory-pubsub';
import type { PubSub } from './pubsub';
import { RedisPubSub } from './redis-pubsub';

export interface CreatePubSubOptions {
  /** With it, fan-out goes through Redis and reaches every gateway instance. */
  redisUrl?: string;
  channelPrefix?: string;
  onError?: (error: unknown) => void;
  /** Once-per-instance filter ahead of local fan-out (see `createChangeAdmission`). */
  admit?: Admission;
  /** Redis only: what local listeners get after a lost subscribing connection is back. */
  reconnectSignal?: (topicName: string) => unknown;
  /** Redis only: topics published again after an outage (receivers must deduplicate them). */
  redeliver?: (topicName: string) => boolean;
}

export function createPubSub(options: CreatePubSubOptions = {}): PubSub {
  if (!options.redisUrl)
    return new MemoryPubSub({ onError: options.onError, admit: options.admit });
  return new RedisPubSub({
    redisUrl: options.redisUrl,
    channelPrefix: options.channelPrefix,
    onError: options.onError,
    admit: options.admit,
    reconnectSignal: options.reconnectSignal,
    redeliver: options.redeliver,
  });
}
