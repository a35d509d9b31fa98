import type { ChangeEvent } from '../model/types';
import type { ChangeLogEntry } from './write-transaction';

export interface CommitInfo {
  transactionKey: string;
  commitTimestamp: number;
  commitUserId: string;
}

/**
 * Groups a committed transaction's changes the way Change Data Capture does: records of one
 * object that went through the same change (same type, fields and new values) share one
 * event; anything else gets its own. Order follows the first change of each group.
 */
export function buildChangeEvents(
  log: readonly ChangeLogEntry[],
  commit: CommitInfo,
): ChangeEvent[] {
  const groups = new Map<string, ChangeEvent>();
  for (const entry of log) {
    const key = JSON.stringify([
      entry.objectName,
      entry.changeType,
      entry.changedFields,
      entry.values,
    ]);
    const existing = groups.get(key);
    if (existing) {
      if (!existing.recordIds.includes(entry.id)) existing.recordIds.push(entry.id);
      continue;
    }
    groups.set(key, {
      entityName: entry.objectName,
      changeType: entry.changeType,
      recordIds: [entry.id],
      changedFields: [...entry.changedFields],
      values: { ...entry.values },
      ...commit,
    });
  }
  return [...groups.values()];
}
