import { isRecord } from '../../lib/is-record';
import { ReplayDeduper } from '../dedupe';

/** Decides, once per instance and before fan-out, whether an incoming payload goes out. */
export type Admission = (topicName: string, payload: unknown) => boolean;

export interface ChangeAdmissionOptions {
  /** Topic names carrying record changes (`crm.record-changed.*`); others always pass. */
  isChangeTopic: (topicName: string) => boolean;
  /** Changes remembered per instance; default 10,000 whatever the subscriber count. */
  windowSize?: number;
}

function changeKey(payload: unknown): string | undefined {
  if (!isRecord(payload)) return undefined;
  const { replayId, recordIds } = payload;
  if (typeof replayId !== 'string' || !Array.isArray(recordIds)) return undefined;
  // A GAP re-read publishes one change per record under one replayId.
  return `${replayId}\u0000${recordIds.join(',')}`;
}

/**
 * Drops a record change this instance already fanned out: after a failover the new leader
 * replays from the last stored replayId, and the overlap reaches every instance again. One
 * window per instance, checked before fan-out, gives each subscriber the change once while
 * memory stays bounded by the window, not by subscribers × window.
 */
export function createChangeAdmission(options: ChangeAdmissionOptions): Admission {
  const seen = new ReplayDeduper({ windowSize: options.windowSize ?? 10_000 });
  return (topicName, payload) => {
    if (!options.isChangeTopic(topicName)) return true;
    const key = changeKey(payload);
    if (key === undefined) return true;
    if (seen.has(key)) return false;
    seen.remember(key);
    return true;
  };
}
