export interface CookieOptions {
  /** Seconds; 0 deletes the cookie. */
  maxAge: number;
  path: string;
  secure: boolean;
}

export const SESSION_COOKIE = 'atom_session';
export const LOGIN_FLOW_COOKIE = 'atom_login_flow';

/**
 * Secure cookies are dropped by browsers on plain http, so they are relaxed only where the
 * gateway itself is plain-http loopback (local dev, demo mode).
 */
export function isInsecureLocalUrl(gatewayUrl: string): boolean {
  const url = new URL(gatewayUrl);
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/**
 * Always httpOnly (no script can read a session) and SameSite=Lax: sent on the top-level
 * GET redirect back from Salesforce, withheld from cross-site POSTs such as /auth/logout.
 */
export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  const parts = [
    `${name}=${encodeURIComponent(value)}`,
    `Max-Age=${Math.max(0, Math.floor(options.maxAge))}`,
    `Path=${options.path}`,
    'HttpOnly',
    'SameSite=Lax',
  ];
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}

export function clearCookie(name: string, path: string, secure: boolean): string {
  return serializeCookie(name, '', { maxAge: 0, path, secure });
}

/** Parses a `Cookie` request header; the first occurrence of a name wins (RFC 6265 §5.4 order). */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const rawPair of header.split(';')) {
    const pair = rawPair.trim();
    const separator = pair.indexOf('=');
    if (separator <= 0) continue;
    const name = pair.slice(0, separator).trim();
    if (cookies.has(name)) continue;
    const rawValue = pair.slice(separator + 1).trim();
    try {
      cookies.set(name, decodeURIComponent(rawValue));
    } catch {
      cookies.set(name, rawValue);
    }
  }
  return cookies;
}
