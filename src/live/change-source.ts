import { isRecord } from '../lib/is-record';

/**
 * Where the bridge gets Change Data Capture events from. The bridge depends on this interface
 * only (ARCHITECTURE.md: transport-agnostic core), so tests can feed it events and another
 * transport (Pub/Sub API over gRPC) can replace CometD without touching the bridge.
 */

/** `-1`: only new events; `-2`: every retained event; a replayId: the events after it. */
export type ReplayFrom = string | -1 | -2;

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

/**
 * A source delivers events one at a time: it waits for `onEvent`'s promise before handing
 * over the next, and a reconnect resumes after the last event whose promise resolved.
 */
export type ChangeEventHandler = (event: RawChangeEvent) => Promise<void> | void;

/** Stops the source; resolves once no more `onEvent` calls will be made. */
export type StopChangeEventSource = () => Promise<void>;

export interface ChangeEventSource {
  start(
    from: ReplayFrom,
    onEvent: ChangeEventHandler,
    onError: (error: Error) => void,
  ): StopChangeEventSource;
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
