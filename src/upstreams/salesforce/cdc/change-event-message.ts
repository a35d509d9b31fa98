import { isRecord } from '../../../lib/is-record';
import type { ChangeSubscription, ReplayFrom } from '../../../live/change-source';

/** `ChangeEventHeader` as Salesforce sends it (UPSTREAMS.md "Change Data Capture"). */
export interface RawChangeEventHeader {
  entityName: string;
  recordIds: string[];
  changeType: string;
  changedFields: string[];
  changeOrigin?: string;
  transactionKey?: string;
  sequenceNumber?: number;
  /** Milliseconds since the epoch. */
  commitTimestamp: number;
  commitNumber?: number;
  commitUser?: string;
  nulledFields?: string[];
  diffFields?: string[];
}

export interface RawChangeEvent {
  /** Opaque and increasing; kept as a string because it outgrows safe integers elsewhere. */
  replayId: string;
  header: RawChangeEventHeader;
  /** The payload's created or changed field values (compound fields nested), header removed. */
  fields: Record<string, unknown>;
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function optionalNumber(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * Reads a CometD message's `data` (`{schema, payload:{ChangeEventHeader,...}, event:{replayId}}`)
 * into a `RawChangeEvent`; undefined when it is not a change event.
 */
export function parseChangeEventMessage(data: unknown): RawChangeEvent | undefined {
  if (!isRecord(data) || !isRecord(data.payload) || !isRecord(data.event)) return undefined;
  const replayId = data.event.replayId;
  if (typeof replayId !== 'number' && typeof replayId !== 'string') return undefined;
  const { ChangeEventHeader: header, ...fields } = data.payload;
  if (!isRecord(header)) return undefined;
  const { entityName, changeType, commitTimestamp } = header;
  if (typeof entityName !== 'string' || typeof changeType !== 'string') return undefined;
  return {
    replayId: String(replayId),
    header: {
      entityName,
      recordIds: stringArray(header.recordIds),
      changeType,
      changedFields: stringArray(header.changedFields),
      changeOrigin: optionalString(header.changeOrigin),
      transactionKey: optionalString(header.transactionKey),
      sequenceNumber: optionalNumber(header.sequenceNumber),
      commitTimestamp: typeof commitTimestamp === 'number' ? commitTimestamp : Date.now(),
      commitNumber: optionalNumber(header.commitNumber),
      commitUser: optionalString(header.commitUser),
      nulledFields: stringArray(header.nulledFields),
      diffFields: stringArray(header.diffFields),
    },
    fields,
  };
}

/** Hands over one event; the source waits for it before the next (see `ChangeEventHandler`). */
export type RawChangeEventHandler = (event: RawChangeEvent) => Promise<void> | void;

/** A CometD change stream as the Salesforce adapter reads it (jsforce's, or a test's). */
export interface RawChangeEventSource {
  start(
    from: ReplayFrom,
    onEvent: RawChangeEventHandler,
    onError: (error: Error) => void,
    /**
     * The stream had to be subscribed again from `-1` (no event processed yet, so no
     * position to resume from): changes committed while it was down are lost. Delivered in
     * order with the events; a rejection makes the source reconnect and say it again.
     */
    onResumeLost?: () => Promise<void> | void,
  ): ChangeSubscription;
}
