import type { AuthMode } from '../../config';

/** What a browser origin may do cross-origin: `credentials` adds cookies and Authorization. */
export type OriginGrant = 'credentials' | 'anonymous';

export interface OriginAllowList {
  /** The grant for a cross-origin `Origin`, or undefined when it gets no access. */
  grantFor(origin: string): OriginGrant | undefined;
}

export interface OriginAllowListOptions {
  mode: AuthMode;
  /** CORS_ORIGINS, already validated as exact origins. */
  corsOrigins: readonly string[];
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** `http(s)://localhost|127.0.0.1|[::1][:port]`, exactly as a browser writes an origin. */
export function isLoopbackOrigin(origin: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.origin === origin &&
    LOOPBACK_HOSTS.has(url.hostname)
  );
}

/**
 * The browser origins that may use the gateway from another origin. Listed origins get
 * credentials. The demo with nothing listed also answers pages served from the developer's
 * own machine (any loopback origin), without credentials: the demo has none, binds to
 * loopback only and serves an emulated org, so a local frontend works out of the box while
 * a website on the internet still cannot read it.
 */
export function createOriginAllowList({
  mode,
  corsOrigins,
}: OriginAllowListOptions): OriginAllowList {
  const listed = new Set(corsOrigins);
  const loopbackDemo = mode === 'demo' && listed.size === 0;
  return {
    grantFor(origin) {
      if (listed.has(origin)) return 'credentials';
      if (loopbackDemo && isLoopbackOrigin(origin)) return 'anonymous';
      return undefined;
    },
  };
}
