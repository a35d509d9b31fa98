export { AccessFilter, type AccessDecision, type SubscriberAccess } from './access-filter';
export { SlowConsumerError } from './bounded-queue';
export {
  CdcBridge,
  type CdcBridgeOptions,
  type CdcBridgeStats,
  type RereadRecord,
} from './cdc-bridge';
export type { ChangeEventSource, RawChangeEvent, ReplayFrom } from './change-event-source';
export { normalizeChange } from './change-normalizer';
export { createPubSub } from './create-pubsub';
export { ReplayDeduper } from './dedupe';
export { JsforceChangeEventSource, ReplayIdRejectedError } from './jsforce-change-event-source';
export { MemoryLeaderLock, RedisLeaderLock, type LeaderLock } from './leader-lock';
export { MemoryPubSub } from './memory-pubsub';
export type {
  NormalizedChange,
  SObjectTypeName,
  ChangeTypeName,
  GapKind,
} from './normalized-change';
export { PipelineCoalescer } from './pipeline-coalescer';
export type { PubSub, PubSubIterator } from './pubsub';
export { RedisPubSub } from './redis-pubsub';
export { createReplayStore, KeyvReplayStore, type ReplayStore } from './replay-store';
export {
  PIPELINE_CHANGED_TOPIC,
  recordChangedTopic,
  type PipelineChanged,
  type Topic,
} from './topics';
