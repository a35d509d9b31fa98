export { createChangeDataCapture, isGapChangeType } from './change-data-capture';
export { handleCdcAdminRequest, type CdcAdminReply } from './cdc-admin.routes';
export { ALL_CHANGE_EVENTS_CHANNEL, CDC_ENTITIES, entityChannel } from './cdc-channels';
export { EMPTY_RECORD_ID } from './change-event-factory';
export type {
  Authenticate,
  CdcChangeType,
  ChangeDataCapture,
  ChangeDataCaptureDeps,
  ChangeEventData,
  ChangeEventHeader,
  GapChangeType,
  StoredEvent,
} from './cdc-types';
