import {
  createUpstreamResilience,
  type ResilienceSettings,
  type UpstreamResilience,
} from '../resilience';
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

/** Defaults of SALESFORCE_BREAKER_* / _MAX_CONCURRENT / _MAX_QUEUED / _RETRY_* (config). */
export const DEFAULT_SALESFORCE_RESILIENCE: ResilienceSettings = {
  breakerThreshold: 5,
  halfOpenAfterMs: 10_000,
  maxConcurrent: 50,
  maxQueued: 500,
  timeoutMs: 30_000,
  retries: 2,
  retryBaseDelayMs: 200,
  retryMaxDelayMs: 2_000,
};

export function createSalesforceResilience(
  settings: ResilienceSettings = DEFAULT_SALESFORCE_RESILIENCE,
  logger?: Logger,
): UpstreamResilience {
  return createUpstreamResilience('salesforce', settings, isSalesforceOutage, logger);
}
