import type { RotatingSecretStore } from '../../auth/rotating-secret-store';
import type { Logger } from '../../logging/logger';
import type { UpstreamResilience } from '../resilience';

/** What every linked-service client gets from the server: its policies and the logger. */
export interface LinkedUpstreamDeps {
  /** The service's breaker, bulkhead, timeout and read retries (one per process). */
  resilience: UpstreamResilience;
  logger?: Logger;
  /**
   * Where credentials the service rotates (QuickBooks refresh tokens) are kept, sealed and
   * shared by every instance; absent: in this process's memory only.
   */
  secrets?: RotatingSecretStore;
}
