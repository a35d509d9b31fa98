import type { ResilienceConfig } from '../../config';
import type { Logger } from '../../logging/logger';
import type { UpstreamCallObserver } from '../../observability';
import { createUpstreamResilience, type UpstreamResilience } from '../resilience';
import { isLinkedOutage, LinkedServiceError, type LinkedServiceName } from './linked-service-error';

/**
 * A linked service's breaker, bulkhead, timeout and read retries (one per process). With an
 * observer, each attempt is measured (duration, HTTP status class) for the upstream metrics.
 */
export function createLinkedResilience(
  service: LinkedServiceName,
  settings: ResilienceConfig,
  logger?: Logger,
  observe?: UpstreamCallObserver,
): UpstreamResilience {
  const policies = createUpstreamResilience(service, settings, isLinkedOutage, logger);
  if (!observe) return policies;
  return {
    ...policies,
    execute: (attempt, options) =>
      policies.execute(async (signal) => {
        const started = process.hrtime.bigint();
        const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
        try {
          const result = await attempt(signal);
          observe({ method: 'API', url: service, durationSeconds: seconds(), statusCode: 200 });
          return result;
        } catch (err) {
          const statusCode = err instanceof LinkedServiceError ? err.statusCode : undefined;
          observe({ method: 'API', url: service, durationSeconds: seconds(), statusCode });
          throw err;
        }
      }, options),
  };
}
