import type { IncomingMessage, ServerResponse } from 'node:http';
import { applyCors } from './cors';
import type { OriginAllowList } from './origin-allow-list';
import { applySecurityHeaders } from './security-headers';

/** What runs on every HTTP request before any route. */
export interface HttpEdge {
  /** Sets the security and CORS headers; true when it answered the request (a preflight). */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
}

export interface HttpEdgeOptions {
  allowList: OriginAllowList;
  /** GATEWAY_PUBLIC_URL, when configured. */
  publicUrl: string | undefined;
}

export function createHttpEdge({ allowList, publicUrl }: HttpEdgeOptions): HttpEdge {
  const https = publicUrl !== undefined && new URL(publicUrl).protocol === 'https:';
  return {
    handle(req, res) {
      applySecurityHeaders(res, { https });
      return applyCors(allowList, req, res);
    },
  };
}
