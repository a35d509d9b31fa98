import { SalesforceUpstreamError } from './client';

export interface RetryPolicy {
  /** Delays before each retry; its length is the number of retries. */
  delaysMs: number[];
  isRetryable(error: SalesforceUpstreamError): boolean;
}

const TRANSIENT_CODES = new Set(['SERVER_UNAVAILABLE', 'UNAVAILABLE', 'NETWORK_ERROR', 'TIMEOUT']);

/** Reads only: a replayed write could apply twice. Two quick retries, then give up. */
export const DEFAULT_READ_RETRY: RetryPolicy = {
  delaysMs: [200, 600],
  isRetryable: (error) =>
    TRANSIENT_CODES.has(error.errorCode) ||
    (error.statusCode !== undefined && [500, 502, 503, 504].includes(error.statusCode)),
};

export const NO_RETRY: RetryPolicy = { delaysMs: [], isRetryable: () => false };

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function withRetry<T>(policy: RetryPolicy, attempt: () => Promise<T>): Promise<T> {
  for (let retry = 0; ; retry++) {
    try {
      return await attempt();
    } catch (err) {
      const delay = policy.delaysMs[retry];
      if (
        !(err instanceof SalesforceUpstreamError) ||
        delay === undefined ||
        !policy.isRetryable(err)
      ) {
        throw err;
      }
      await sleep(delay);
    }
  }
}
