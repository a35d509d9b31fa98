import type { NormalizedChange, SObjectTypeName } from './normalized-change';

/**
 * A pubsub topic with the payload type it carries. The payload type is phantom: it exists
 * only so `publish` and `subscribe` agree on what travels on a topic.
 */
export interface Topic<T> {
  readonly name: string;
  readonly __payload?: T;
}

export function defineTopic<T>(name: string): Topic<T> {
  return { name };
}

/** The pipeline report's recompute trigger; the payload is the report as computed. */
export interface PipelineChanged<R = unknown> {
  report: R;
  /** ISO 8601: when the recompute started (the report reflects changes committed before). */
  asOf: string;
}

export const RECORD_CHANGED_TOPIC_PREFIX = 'crm.record-changed.';

const recordTopics = new Map<SObjectTypeName, Topic<NormalizedChange>>();

/** One topic per object type, so an `accountChanged` subscriber never sees Lead traffic. */
export function recordChangedTopic(type: SObjectTypeName): Topic<NormalizedChange> {
  let topic = recordTopics.get(type);
  if (!topic) {
    topic = defineTopic<NormalizedChange>(`${RECORD_CHANGED_TOPIC_PREFIX}${type}`);
    recordTopics.set(type, topic);
  }
  return topic;
}

export const PIPELINE_CHANGED_TOPIC: Topic<PipelineChanged> = defineTopic('crm.pipeline-changed');
