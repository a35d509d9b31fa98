import type { IncomingHttpHeaders } from 'node:http';
import type { HeaderBag } from '../auth/request-credentials';

/** connectionParams keys a browser cannot send as upgrade headers; matched case-insensitively. */
const CREDENTIAL_PARAMS = new Set(['authorization', 'x-api-key']);

/**
 * The headers a graphql-ws connection authenticates with: the upgrade request's (cookie,
 * Authorization, X-API-Key), with `Authorization` / `X-API-Key` from `connection_init`'s
 * payload taking precedence, since browsers cannot set headers on a WebSocket.
 */
export function connectionHeaders(
  upgradeHeaders: IncomingHttpHeaders,
  connectionParams: Readonly<Record<string, unknown>> | undefined,
): HeaderBag {
  const headers: Record<string, string | string[] | undefined> = { ...upgradeHeaders };
  for (const [name, value] of Object.entries(connectionParams ?? {})) {
    const key = name.toLowerCase();
    if (CREDENTIAL_PARAMS.has(key) && typeof value === 'string') headers[key] = value;
  }
  return headers;
}
