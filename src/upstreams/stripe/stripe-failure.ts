import Stripe from 'stripe';
import { LINKED_SERVICE_LABELS, LinkedServiceError, parseRetryAfter } from '../linked';

const LABEL = LINKED_SERVICE_LABELS.stripe;

/** Stripe's answer for an id it does not know (404 `resource_missing`). */
export function isResourceMissing(error: unknown): boolean {
  return error instanceof Stripe.errors.StripeError && error.code === 'resource_missing';
}

/**
 * Every stripe-node failure as the gateway reports it: Stripe's trouble (5xx, connection,
 * timeout) is `unavailable`, 429 is `rate-limited` with its Retry-After, a refused key
 * (401/403) is `rejected`. Anything else (a 400 on a query we built) is our bug and stays a
 * plain Error, so it is neither retried nor blamed on Stripe. Messages never carry the key:
 * stripe-node's own messages name at most its last characters.
 */
export function normaliseStripeError(error: unknown): unknown {
  if (error instanceof LinkedServiceError) return error;
  if (!(error instanceof Stripe.errors.StripeError)) return error;
  const statusCode = error.statusCode;
  const status = statusCode !== undefined ? { statusCode } : {};
  if (error instanceof Stripe.errors.StripeRateLimitError || statusCode === 429) {
    const retryAfterSeconds = parseRetryAfter(error.headers?.['retry-after']);
    return new LinkedServiceError(
      'stripe',
      'rate-limited',
      `${LABEL} is rate-limiting the gateway`,
      {
        ...status,
        ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
      },
    );
  }
  if (
    error instanceof Stripe.errors.StripeConnectionError ||
    error instanceof Stripe.errors.StripeAPIError ||
    (statusCode !== undefined && statusCode >= 500)
  ) {
    return new LinkedServiceError(
      'stripe',
      'unavailable',
      `${LABEL} is unavailable: ${error.message}`,
      status,
    );
  }
  if (
    error instanceof Stripe.errors.StripeAuthenticationError ||
    error instanceof Stripe.errors.StripePermissionError ||
    statusCode === 401 ||
    statusCode === 403
  ) {
    return new LinkedServiceError(
      'stripe',
      'rejected',
      `${LABEL} refused the gateway's API key (HTTP ${statusCode ?? '?'}): check STRIPE_API_KEY`,
      status,
    );
  }
  return new Error(
    `${LABEL} refused a request of the gateway (HTTP ${statusCode ?? '?'}): ${error.message}`,
    {
      cause: error,
    },
  );
}
