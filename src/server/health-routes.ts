import type { ServerResponse } from 'node:http';
import type { SalesforceClient } from '../upstreams/salesforce/client';
import { SalesforceUpstreamError } from '../upstreams/salesforce/client';

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

/** Readiness: Salesforce answers as the integration user (one identity call). */
export async function handleReadyz(
  res: ServerResponse,
  salesforce: SalesforceClient,
): Promise<void> {
  try {
    const identity = await salesforce.identity();
    sendJson(res, 200, {
      status: 'ready',
      salesforce: { orgId: identity.orgId, userId: identity.userId },
    });
  } catch (err) {
    const errorCode = err instanceof SalesforceUpstreamError ? err.errorCode : 'UNKNOWN';
    sendJson(res, 503, { status: 'unavailable', salesforce: { errorCode } });
  }
}

export function handleNotFound(res: ServerResponse): void {
  sendJson(res, 404, { error: 'Not found', routes: ['/graphql', '/healthz', '/readyz'] });
}
