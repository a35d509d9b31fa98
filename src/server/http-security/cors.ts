import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OriginAllowList } from './origin-allow-list';

/** The methods /graphql, /auth/logout and the REST routes (PUT) answer. */
export const CORS_ALLOWED_METHODS = ['GET', 'POST', 'PUT', 'OPTIONS'] as const;

/**
 * Request headers a cross-origin client may send: the JSON body's type, the two credential
 * headers (session bearer, X-API-Key), Apollo's CSRF-prevention headers and client
 * awareness, and the request id a client may set for tracing.
 */
export const CORS_ALLOWED_HEADERS = [
  'content-type',
  'authorization',
  'x-api-key',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'apollographql-client-name',
  'apollographql-client-version',
  'x-request-id',
  // REST conditional requests (ETags).
  'if-match',
  'if-none-match',
] as const;

/** Response headers a cross-origin script may read beyond the CORS-safelisted ones. */
export const CORS_EXPOSED_HEADERS = [
  'retry-after',
  'www-authenticate',
  'x-request-id',
  // REST: the created record, the next page, the entity tag, the rate-limit budget.
  'location',
  'link',
  'etag',
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-reset',
  'ratelimit-policy',
] as const;

/** How long a browser may reuse a preflight answer (Chromium caps it at 2 h). */
export const CORS_MAX_AGE_SECONDS = 600;

function appendVary(res: ServerResponse, ...names: string[]): void {
  const current = res.getHeader('vary');
  const existing = typeof current === 'string' ? current.split(',').map((name) => name.trim()) : [];
  const merged = [...existing.filter((name) => name !== ''), ...names];
  res.setHeader('vary', [...new Set(merged)].join(', '));
}

function singleHeader(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * CORS for every route, before CSRF prevention and auth: a preflight (`OPTIONS` with
 * `Access-Control-Request-Method`) is answered here with 204 and returns true; any other
 * request gets the allow headers its origin earns and goes on (returns false). An origin
 * that is not allowed gets no `Access-Control-Allow-*` header at all, so the browser keeps
 * the response from its script. Answers vary by Origin, hence `Vary: Origin` everywhere.
 */
export function applyCors(
  allowList: OriginAllowList,
  req: IncomingMessage,
  res: ServerResponse,
): boolean {
  const origin = singleHeader(req, 'origin');
  const preflight =
    req.method === 'OPTIONS' && singleHeader(req, 'access-control-request-method') !== undefined;
  appendVary(
    res,
    'Origin',
    ...(preflight ? ['Access-Control-Request-Method', 'Access-Control-Request-Headers'] : []),
  );
  const grant = origin === undefined ? undefined : allowList.grantFor(origin);
  if (origin !== undefined && grant !== undefined) {
    res.setHeader('access-control-allow-origin', origin);
    if (grant === 'credentials') res.setHeader('access-control-allow-credentials', 'true');
    if (!preflight) res.setHeader('access-control-expose-headers', CORS_EXPOSED_HEADERS.join(', '));
  }
  if (!preflight) return false;
  if (grant !== undefined) {
    // The full lists rather than an echo of the request: the browser then names the one
    // method or header it refused, and nothing unlisted is ever allowed.
    res.setHeader('access-control-allow-methods', CORS_ALLOWED_METHODS.join(', '));
    res.setHeader('access-control-allow-headers', CORS_ALLOWED_HEADERS.join(', '));
    res.setHeader('access-control-max-age', String(CORS_MAX_AGE_SECONDS));
  }
  res.statusCode = 204;
  res.end();
  return true;
}
