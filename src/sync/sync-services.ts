import { DEFAULT_SYNC_LOCK_TTL_MS } from './sync-engine';
import { createSyncStateStore, type SyncStateStore } from './sync-state-store';

/** The process's sync state (watermarks, fingerprints, leases), shared by every request. */
export interface SyncServices {
  state: SyncStateStore;
  lockTtlMs: number;
  close(): Promise<void>;
}

export interface SyncServicesOptions {
  /** REDIS_URL: state and leases shared by every instance and kept over restarts. */
  redisUrl?: string;
  /** `<SUBSCRIPTIONS_NAMESPACE>:sync` in the gateway; tests use their own. */
  namespace: string;
  lockTtlMs?: number;
}

export async function createSyncServices(options: SyncServicesOptions): Promise<SyncServices> {
  const state = await createSyncStateStore({
    namespace: options.namespace,
    ...(options.redisUrl ? { redisUrl: options.redisUrl } : {}),
  });
  return {
    state,
    lockTtlMs: options.lockTtlMs ?? DEFAULT_SYNC_LOCK_TTL_MS,
    close: () => state.close(),
  };
}
