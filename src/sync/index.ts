export { runServiceSync, type ServiceSyncRequest } from './run-service-sync';
export { SYNC_BATCH_SIZE, type SyncOutcome, type SyncService } from './sync-engine';
export { SyncConflictError, SyncLeaseLostError } from './sync-errors';
export type { SyncAccount, SyncScope } from './sync-scope';
export { createSyncServices, type SyncServices } from './sync-services';
