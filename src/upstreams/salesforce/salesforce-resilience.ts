import {
  createUpstreamResilience,
  type ResilienceSettings,
  type UpstreamResilience,
} from '../resilience';
import { DEFAULT_SALESFORCE_RESILIENCE } from '../../config';
import type { Logger } from '../../logging/logger';
import { SalesforceUpstreamError } from './client';

const TRANSIENT_CODES = new Set(['SERVER_UNAVAILABLE', 'UNAVAILABLE', 'NETWORK_ERROR', 'TIMEOUT']);

/**
 * Salesforce's own trouble: 5xx, timeouts, connection errors. Bad queries, sharing refusals,
 * REQUEST_LIMIT_EXCEEDED and expired sessions are answers, not outages: they neither open
 * the breaker nor get retried.
 */
export function isSalesforceOutage(error: unknown): boolean {
  if (!(error instanceof SalesforceUpstreamError)) return false;
  return (
    TRANSIENT_CODES.has(error.errorCode) ||
    (error.statusCode !== undefined && [500, 502, 503, 504].includes(error.statusCode))
  );
}

export function createSalesforceResilience(
  settings: ResilienceSettings = DEFAULT_SALESFORCE_RESILIENCE,
  logger?: Logger,
): UpstreamResilience {
  return createUpstreamResilience('salesforce', settings, isSalesforceOutage, logger);
}
