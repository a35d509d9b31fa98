import { createHash, randomUUID } from 'node:crypto';
import type { ChangeEvent, ObjectDef } from '../model/types';
import { buildChangeEventBody } from './change-event-body';
import type { ChangeEventData, ChangeEventHeader, GapChangeType } from './cdc-types';

/** The empty record id overflow events carry (Salesforce's "Overflow Events" docs). */
export const EMPTY_RECORD_ID = '000000000000000AAA';

export interface ChangeEventFactoryOptions {
  describe(entityName: string): ObjectDef | undefined;
  /** The API version in `changeOrigin` (`com/salesforce/api/rest/59.0`). */
  apiVersion: string;
}

/** A change event minus its replay id, which the event bus assigns when it stores it. */
export type UnnumberedEvent = Omit<ChangeEventData, 'event'>;

/**
 * Turns committed changes into change event messages: header numbering per transaction
 * (`sequenceNumber` 1..n under one `transactionKey`, one `commitNumber` per commit) and
 * the body CDC sends to CometD subscribers.
 */
export class ChangeEventFactory {
  private lastTransactionKey: string | undefined;
  private sequenceNumber = 0;
  private commitNumber = 1_100_000_000_000;

  constructor(private readonly options: ChangeEventFactoryOptions) {}

  fromChange(event: ChangeEvent): UnnumberedEvent {
    const body = buildChangeEventBody(event, this.options.describe(event.entityName));
    // The store emits a transaction's events back to back, so a new key starts a new commit.
    if (event.transactionKey !== this.lastTransactionKey) {
      this.lastTransactionKey = event.transactionKey;
      this.sequenceNumber = 0;
      this.commitNumber += 1;
    }
    this.sequenceNumber += 1;
    const header: ChangeEventHeader = {
      entityName: event.entityName,
      recordIds: [...event.recordIds],
      changeType: event.changeType,
      changedFields: body.changedFields,
      changeOrigin: `com/salesforce/api/rest/${this.options.apiVersion}`,
      transactionKey: event.transactionKey,
      sequenceNumber: this.sequenceNumber,
      commitTimestamp: event.commitTimestamp,
      commitNumber: this.commitNumber,
      commitUser: event.commitUserId,
      diffFields: [],
      nulledFields: [],
    };
    return {
      schema: schemaId(event.entityName),
      payload: { ChangeEventHeader: header, ...body.fields },
    };
  }

  /** A gap or overflow event: header only, no field values, not part of an API transaction. */
  gap(
    kind: GapChangeType,
    entityName: string,
    recordIds: string[],
    commitTimestamp: number,
    commitUser: string,
  ): UnnumberedEvent {
    this.lastTransactionKey = undefined;
    this.commitNumber += 1;
    const header: ChangeEventHeader = {
      entityName,
      recordIds: kind === 'GAP_OVERFLOW' ? [EMPTY_RECORD_ID] : [...recordIds],
      changeType: kind,
      changedFields: [],
      changeOrigin: '',
      transactionKey: randomUUID(),
      sequenceNumber: 1,
      commitTimestamp,
      commitNumber: this.commitNumber,
      commitUser,
      diffFields: [],
      nulledFields: [],
    };
    return { schema: schemaId(entityName), payload: { ChangeEventHeader: header } };
  }
}

/** An opaque, stable schema id per change event type, shaped like Salesforce's (22 chars). */
export function schemaId(entityName: string): string {
  return createHash('sha256').update(`${entityName}ChangeEvent`).digest('base64url').slice(0, 22);
}
