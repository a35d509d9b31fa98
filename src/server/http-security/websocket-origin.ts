import type { IncomingMessage } from 'node:http';
import { isLoopbackOrigin, type OriginAllowList } from './origin-allow-list';

export interface WebSocketOriginOptions {
  allowList: OriginAllowList;
  /** The gateway's public origin (GATEWAY_PUBLIC_URL, else the listening address). */
  publicOrigin: string;
}

/** A loopback public origin answers under all three loopback names on the same port. */
function ownOrigins(publicOrigin: string): Set<string> {
  const origins = new Set([publicOrigin]);
  if (!isLoopbackOrigin(publicOrigin)) return origins;
  const url = new URL(publicOrigin);
  for (const host of ['localhost', '127.0.0.1', '[::1]']) {
    origins.add(new URL(`${url.protocol}//${host}${url.port ? `:${url.port}` : ''}`).origin);
  }
  return origins;
}

/**
 * Whether a WebSocket upgrade may proceed. Browsers always send `Origin` on a WebSocket
 * handshake and WebSockets are not subject to CORS, so without this check any website the
 * user visits could open a socket that carries the user's session cookie (cross-site
 * WebSocket hijacking) or, in the demo, reads the org with no credential at all. Allowed:
 * the gateway's own origin (the Sandbox page), the CORS allow-list, and no Origin at all
 * (a server-side client, which holds its own credentials and cannot be tricked into a
 * request).
 */
export function createWebSocketOriginCheck({
  allowList,
  publicOrigin,
}: WebSocketOriginOptions): (req: IncomingMessage) => boolean {
  const own = ownOrigins(publicOrigin);
  return (req) => {
    const origin = req.headers.origin;
    if (origin === undefined) return true;
    return own.has(origin) || allowList.grantFor(origin) !== undefined;
  };
}
