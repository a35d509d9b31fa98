import { refetchSignal } from './access-filter';
import { SOBJECT_TYPES, type NormalizedChange, type SObjectTypeName } from './normalized-change';
import { isRecord } from '../lib/is-record';
import { PIPELINE_CHANGED_TOPIC, recordChangedTopic, type PipelineChanged } from './topics';

/**
 * What this instance's subscribers are told when its pub/sub subscriptions come back after
 * Redis was unreachable: changes published meanwhile may never arrive, so each record-change
 * topic gets a record-less GAP ("refetch what you show") and the pipeline topic a tick (its
 * subscribers recompute the report). The GAP carries the last position this instance saw on
 * that topic: the missed changes, if any, came after it.
 */
export class ReconnectSignals {
  private readonly typeByTopic = new Map<string, SObjectTypeName>(
    SOBJECT_TYPES.map((type) => [recordChangedTopic(type).name, type]),
  );
  private readonly lastSeen = new Map<string, { replayId: string; entityName: string }>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  /** Records the position of a change this instance fans out. */
  observe(topicName: string, payload: unknown): void {
    if (!this.typeByTopic.has(topicName) || !isRecord(payload)) return;
    const { replayId, entityName } = payload;
    if (typeof replayId === 'string' && typeof entityName === 'string')
      this.lastSeen.set(topicName, { replayId, entityName });
  }

  /** The payload a topic's local listeners get after the reconnection, if any. */
  signal(topicName: string): NormalizedChange | PipelineChanged | undefined {
    const asOf = this.now().toISOString();
    if (topicName === PIPELINE_CHANGED_TOPIC.name) return { report: null, asOf };
    const type = this.typeByTopic.get(topicName);
    if (!type) return undefined;
    const seen = this.lastSeen.get(topicName);
    return refetchSignal({
      type,
      changeType: 'GAP',
      recordIds: [],
      changedFields: [],
      commitTimestamp: asOf,
      commitUserId: null,
      replayId: seen?.replayId ?? '',
      entityName: seen?.entityName ?? '',
    });
  }
}
