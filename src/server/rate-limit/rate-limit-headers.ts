import type { RateLimitDecision } from './rate-limiter';

/**
 * The IETF draft's `RateLimit-*` fields (draft-ietf-httpapi-ratelimit-headers), in cost
 * points, and `Retry-After` when the request was refused.
 */
export function rateLimitHeaders(decision: RateLimitDecision): Array<[string, string]> {
  const headers: Array<[string, string]> = [
    ['ratelimit-limit', String(decision.limit)],
    ['ratelimit-remaining', String(decision.remaining)],
    ['ratelimit-reset', String(decision.resetSeconds)],
    ['ratelimit-policy', `${decision.limit};w=${decision.windowSeconds}`],
  ];
  if (!decision.allowed) headers.push(['retry-after', String(decision.resetSeconds)]);
  return headers;
}
