import type { ServerResponse } from 'node:http';
import type { SalesforceClient } from '../upstreams/salesforce/client';
import { SalesforceUpstreamError } from '../upstreams/salesforce/client';

/** What /readyz reports about Salesforce when ready; throws when Salesforce is not reachable. */
export type ReadinessProbe = () => Promise<Record<string, unknown>>;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

/** Liveness: the process answers; never touches upstreams, so a Salesforce outage is no restart. */
export function handleHealthz(res: ServerResponse): void {
  sendJson(res, 200, { status: 'ok' });
}

/** Demo and integration modes: Salesforce answers as the integration user (one identity call). */
export function integrationReadiness(salesforce: SalesforceClient): ReadinessProbe {
  return async () => {
    const identity = await salesforce.identity();
    return { orgId: identity.orgId, userId: identity.userId };
  };
}

/**
 * User mode has no identity of its own to ask with, so readiness is the login server's
 * OpenID discovery document: without it nobody can log in or refresh. Not an API call.
 */
export function discoveryReadiness(loginUrl: string, timeoutMs: number): ReadinessProbe {
  const url = new URL('/.well-known/openid-configuration', loginUrl);
  return async () => {
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    } catch (err) {
      throw new SalesforceUpstreamError('OpenID discovery unreachable', 'NETWORK_ERROR', {
        cause: err,
      });
    }
    if (!response.ok) {
      throw new SalesforceUpstreamError(
        'OpenID discovery failed',
        `ERROR_HTTP_${response.status}`,
        {
          statusCode: response.status,
        },
      );
    }
    await response.body?.cancel();
    return { discovery: 'ok' };
  };
}

export async function handleReadyz(res: ServerResponse, probe: ReadinessProbe): Promise<void> {
  try {
    sendJson(res, 200, { status: 'ready', salesforce: await probe() });
  } catch (err) {
    const errorCode = err instanceof SalesforceUpstreamError ? err.errorCode : 'UNKNOWN';
    sendJson(res, 503, { status: 'unavailable', salesforce: { errorCode } });
  }
}

export function handleNotFound(res: ServerResponse): void {
  sendJson(res, 404, { error: 'Not found', routes: ['/graphql', '/healthz', '/readyz'] });
}
