import type { ResilienceConfig } from '../../config';
import type { Logger } from '../../logging/logger';
import { createUpstreamResilience, type UpstreamResilience } from '../resilience';
import { isLinkedOutage, type LinkedServiceName } from './linked-service-error';

/** A linked service's breaker, bulkhead, timeout and read retries (one per process). */
export function createLinkedResilience(
  service: LinkedServiceName,
  settings: ResilienceConfig,
  logger?: Logger,
): UpstreamResilience {
  return createUpstreamResilience(service, settings, isLinkedOutage, logger);
}
