import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { EmulatorUser } from '../model/types';
import type { OrgStore } from '../store';

export type GapChangeType =
  'GAP_CREATE' | 'GAP_UPDATE' | 'GAP_DELETE' | 'GAP_UNDELETE' | 'GAP_OVERFLOW';

export type CdcChangeType = 'CREATE' | 'UPDATE' | 'DELETE' | 'UNDELETE' | GapChangeType;

/** `ChangeEventHeader` as a CometD (JSON) subscriber receives it. */
export interface ChangeEventHeader {
  entityName: string;
  recordIds: string[];
  changeType: CdcChangeType;
  changedFields: string[];
  changeOrigin: string;
  transactionKey: string;
  sequenceNumber: number;
  commitTimestamp: number;
  commitNumber: number;
  commitUser: string;
  diffFields: string[];
  nulledFields: string[];
}

/** The Bayeux `data` of a change event message. */
export interface ChangeEventData {
  schema: string;
  payload: { ChangeEventHeader: ChangeEventHeader; [field: string]: unknown };
  event: { replayId: number };
}

/** A retained event: what replay serves, until the retention window drops it. */
export interface StoredEvent {
  replayId: number;
  entityName: string;
  /** When the event bus accepted it (ms, by the CDC clock); retention counts from here. */
  storedAt: number;
  data: ChangeEventData;
}

export type Authenticate = (
  accessToken: string,
) => EmulatorUser | undefined | Promise<EmulatorUser | undefined>;

export interface ChangeDataCaptureDeps {
  store: OrgStore;
  /** The user behind an access token; undefined when it is unknown, expired or revoked. */
  authenticate: Authenticate;
  clock: () => Date;
  /** How long events stay replayable; Salesforce keeps change events 72 hours. */
  retentionHours?: number;
  /** Long-poll hold time in seconds (faye's `timeout`); Salesforce holds ~110 s. */
  timeoutSeconds?: number;
  /** The API version in `changeOrigin`; 59.0 by default. */
  apiVersion?: string;
  /** Seeds the replay id steps, so runs with the same seed hand out the same ids. */
  seed?: number;
}

export interface ChangeDataCapture {
  /** Serves `/cometd` and `/cometd/...`; false (untouched) for any other path. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /** Refuses a WebSocket upgrade on `/cometd/...` (long-polling only); false for other paths. */
  rejectUpgrade(req: IncomingMessage, socket: Duplex): boolean;
  /** Publishes a gap or overflow event, as Salesforce does for changes it cannot describe. */
  emitGap(kind: GapChangeType, entityName: string, recordIds: string[]): StoredEvent;
  /** Ends one CometD client session, or all of them; answers how many were dropped. */
  dropClient(clientId?: string): number;
  /**
   * Answers every pending long-poll without ending the client sessions: events published
   * afterwards queue for each client until its next `/meta/connect`.
   */
  detachConnections(): void;
  /** Live CometD client ids. */
  clients(): string[];
  /** The retained events, oldest first. */
  events(): readonly StoredEvent[];
  close(): Promise<void>;
}
