/** The three services linked to Salesforce Accounts (ARCHITECTURE.md "Linking the services"). */
export type LinkedServiceName = 'stripe' | 'zendesk' | 'quickbooks';

export const LINKED_SERVICE_LABELS: Record<LinkedServiceName, string> = {
  stripe: 'Stripe',
  zendesk: 'Zendesk',
  quickbooks: 'QuickBooks Online',
};

/**
 * Why a linked service could not answer:
 * - `unavailable`: 5xx, timeout, connection error, open breaker or full bulkhead (after retries);
 * - `rate-limited`: the service answered 429 (with `retryAfterSeconds` when it said);
 * - `not-configured`: live mode without the service's credentials (`missing` names them);
 * - `rejected`: the service refused the gateway's own credentials (401/403): a config problem.
 */
export type LinkedFailureKind = 'unavailable' | 'rate-limited' | 'not-configured' | 'rejected';

/**
 * Every failure of a linked-service call, normalised by `src/upstreams/<service>` so the
 * graph maps it to one error on the failed field's path (UPSTREAM_UNAVAILABLE or
 * UPSTREAM_RATE_LIMITED with `extensions.service`) and the rest of the query still answers.
 */
export class LinkedServiceError extends Error {
  readonly service: LinkedServiceName;
  readonly kind: LinkedFailureKind;
  readonly retryAfterSeconds: number | undefined;
  /** The HTTP status the service answered, when it answered. */
  readonly statusCode: number | undefined;
  /** `not-configured`: the environment variables to set. */
  readonly missing: readonly string[];

  constructor(
    service: LinkedServiceName,
    kind: LinkedFailureKind,
    message: string,
    details: { retryAfterSeconds?: number; statusCode?: number; missing?: readonly string[] } = {},
  ) {
    super(message);
    this.name = 'LinkedServiceError';
    this.service = service;
    this.kind = kind;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.statusCode = details.statusCode;
    this.missing = details.missing ?? [];
  }
}

/** The service's own trouble (counts for its breaker and is retried when the call is a read). */
export function isLinkedOutage(error: unknown): boolean {
  return error instanceof LinkedServiceError && error.kind === 'unavailable';
}

/** `Retry-After` as seconds (delta or HTTP date); undefined when absent or unreadable. */
export function parseRetryAfter(
  value: string | null | undefined,
  now = Date.now(),
): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.max(0, Math.ceil(Number(trimmed)));
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/** The error a field of an unconfigured service answers with, naming what to set. */
export function notConfiguredError(
  service: LinkedServiceName,
  missing: readonly string[],
): LinkedServiceError {
  return new LinkedServiceError(
    service,
    'not-configured',
    `${LINKED_SERVICE_LABELS[service]} is not configured: set ${missing.join(', ')} (see .env.example)`,
    { missing },
  );
}
