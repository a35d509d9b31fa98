import type {
  ChangeEventHandler,
  ChangeSource,
  ChangeSubscription,
  NormalizedChange,
  ReplayFrom,
  SObjectTypeName,
} from '../../../live/change-source';
import type { SalesforceClient } from '../client';
import type { SalesforceSession } from '../connection';
import { idKey } from '../soql';
import type { RawChangeEvent, RawChangeEventSource } from './change-event-message';
import { normalizeChange } from './change-normalizer';
import { ENTITY_NAMES } from './entity-names';
import { contractFieldNames, toContractFieldNames } from './field-names';
import {
  JsforceChangeEventSource,
  type JsforceChangeEventSourceOptions,
} from './jsforce-change-event-source';
import { createCdcReread, type RereadRecord, type RereadRecords } from './reread';

export interface SalesforceChangeSourceOptions {
  /**
   * Current state of the records a GAP event names (the integration user's view). Without
   * it, GAPs go out as `GAP`.
   */
  reread?: RereadRecords;
}

/**
 * Salesforce Change Data Capture as the live core's `ChangeSource`: each CometD event is
 * normalized to the contract's vocabulary, and a GAP event is resolved by re-reading its
 * records, lazily, so a duplicate the bridge drops costs no query.
 */
export class SalesforceChangeSource implements ChangeSource {
  constructor(
    private readonly raw: RawChangeEventSource,
    private readonly options: SalesforceChangeSourceOptions = {},
  ) {}

  start(
    from: ReplayFrom,
    onEvent: ChangeEventHandler,
    onError: (error: Error) => void,
  ): ChangeSubscription {
    return this.raw.start(
      from,
      (event) =>
        onEvent({ position: event.replayId, changes: () => this.changesOf(event, onError) }),
      onError,
      () => onEvent({ position: undefined, changes: async () => resumeLostChanges(new Date()) }),
    );
  }

  valueFieldNames(key: string): readonly string[] {
    return contractFieldNames(key);
  }

  private async changesOf(
    event: RawChangeEvent,
    onError: (error: Error) => void,
  ): Promise<readonly NormalizedChange[]> {
    const change = normalizeChange(event);
    if (!change) return [];
    return change.changeType === 'GAP' ? this.resolveGap(change, onError) : [change];
  }

  /**
   * A GAP event says records changed without saying how. Re-reading them turns it into
   * ordinary changes; when that is impossible (overflow: no Ids; no reader; the read
   * failed) subscribers get the GAP itself and should refetch.
   */
  private async resolveGap(
    change: NormalizedChange,
    onError: (error: Error) => void,
  ): Promise<NormalizedChange[]> {
    const reread = this.options.reread;
    if (change.gapKind === 'GAP_OVERFLOW' || change.recordIds.length === 0 || !reread) {
      return [change];
    }
    let records: RereadRecord[];
    try {
      records = await reread(change.type, change.recordIds);
    } catch (error) {
      onError(error instanceof Error ? error : new Error(String(error)));
      return [change];
    }
    const byId = new Map(records.map((r) => [r.Id, r]));
    return change.recordIds.map((id) => {
      const record = byId.get(id) ?? byId.get(idKey(id));
      const base = { ...change, recordIds: [id] };
      delete base.values;
      delete base.accountIds;
      if (!record) return { ...base, changeType: 'DELETE', changedFields: [] };
      const { attributes: _attributes, ...values } = record;
      const accountId = change.type === 'ACCOUNT' ? id : values.AccountId;
      return {
        ...base,
        changeType: 'UPDATE',
        changedFields: toContractFieldNames(Object.keys(values).filter((k) => k !== 'Id')),
        values,
        ...(typeof accountId === 'string' ? { accountIds: [accountId] } : {}),
      };
    });
  }
}

/**
 * What subscribers and the cache are told when the stream resumed with no position: one
 * record-less GAP per object ("refetch what you show"; the cache drops the type), since
 * any of them may have changed unseen.
 */
export function resumeLostChanges(now: Date): NormalizedChange[] {
  const types = Object.keys(ENTITY_NAMES) as SObjectTypeName[];
  return types.map((type) => ({
    type,
    changeType: 'GAP',
    recordIds: [],
    changedFields: [],
    commitTimestamp: now.toISOString(),
    commitUserId: null,
    replayId: '',
    entityName: ENTITY_NAMES[type],
  }));
}

/**
 * The org's change stream as the integration user: their session holds the one CometD
 * subscription, their client re-reads GAP events.
 */
export function createSalesforceChangeSource(
  session: SalesforceSession,
  client: SalesforceClient,
  options: Partial<JsforceChangeEventSourceOptions> = {},
): SalesforceChangeSource {
  const streaming = new JsforceChangeEventSource({
    getConnection: () => session.connection(),
    refresh: async () => {
      const conn = await session.connection();
      // jsforce has no public "refresh now"; its refresh delegate (a private) is what jsforce
      // itself calls on a REST 401, single-flight with those refreshes. A CometD 401 never
      // reaches it, so the source asks it directly (jsforce/src/session-refresh-delegate.ts).
      await conn._refreshDelegate?.refresh(Date.now());
    },
    ...options,
  });
  return new SalesforceChangeSource(streaming, { reread: createCdcReread(client) });
}
