/** Another run of the same sync (service and scope) holds the lease, here or on another instance. */
export class SyncConflictError extends Error {
  constructor(readonly syncKey: string) {
    super(
      `A sync of ${syncKey.replace(':', ' for ')} is already running (on this or another gateway instance); run it again when that one has finished`,
    );
    this.name = 'SyncConflictError';
  }
}

/** The run lost its lease (it could not renew it in time): it stops before writing more. */
export class SyncLeaseLostError extends Error {
  constructor(readonly syncKey: string) {
    super(`The sync of ${syncKey} lost its lock and stopped; its committed batches are kept`);
    this.name = 'SyncLeaseLostError';
  }
}
