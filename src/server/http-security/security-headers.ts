import type { ServerResponse } from 'node:http';

/**
 * The policy of every response but the Sandbox page: JSON loads nothing, runs nothing and
 * is framed by no one. `frame-ancestors` is the modern form of X-Frame-Options (sent too,
 * for older browsers).
 */
export const STRICT_CONTENT_SECURITY_POLICY =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export interface SecurityHeaderOptions {
  /**
   * The gateway's public URL is https: browsers are told to keep to https for a year
   * (HSTS). Over plain http the header would be ignored, and on localhost harmful.
   */
  https: boolean;
}

export const HSTS_VALUE = 'max-age=31536000';

/**
 * Headers every response carries, set before any route runs so /healthz, 404s, 503s,
 * errors and the /auth/* routes get them too; a route may override one (the Sandbox page
 * sets its own Content-Security-Policy). Nothing the gateway serves may be cached: GraphQL
 * answers are per viewer and the health routes live.
 */
export function applySecurityHeaders(res: ServerResponse, options: SecurityHeaderOptions): void {
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('content-security-policy', STRICT_CONTENT_SECURITY_POLICY);
  res.setHeader('cache-control', 'no-store');
  if (options.https) res.setHeader('strict-transport-security', HSTS_VALUE);
}
