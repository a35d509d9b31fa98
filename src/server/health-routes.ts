import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { AuthMode } from '../config';
import type { SalesforceClient } from '../upstreams/salesforce/client';
import { SalesforceUpstreamError } from '../upstreams/salesforce/client';
import { UpstreamRejectedError } from '../upstreams/resilience';

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

/** How long a successful readiness probe answers /readyz without probing again. */
export const READINESS_FRESH_MS = 2_000;

/**
 * Anyone may call /readyz, so how often it reaches upstream must not be the caller's choice
 * (each probe is a request to Salesforce: the integration user's identity URL, or the login
 * server's discovery document): one probe at a time, and a success is reused for
 * `freshForMs`. A failure is not reused, so recovery shows at the next call.
 */
export function boundedReadiness(
  probe: ReadinessProbe,
  freshForMs: number = READINESS_FRESH_MS,
): ReadinessProbe {
  let inFlight: Promise<Record<string, unknown>> | undefined;
  let last: { at: number; value: Record<string, unknown> } | undefined;
  return () => {
    if (last !== undefined && Date.now() - last.at < freshForMs) {
      return Promise.resolve(last.value);
    }
    inFlight ??= probe()
      .then((value) => {
        last = { at: Date.now(), value };
        return value;
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };
}

/** Demo and integration modes: Salesforce answers as the integration user (one identity call). */
export function integrationReadiness(salesforce: SalesforceClient): ReadinessProbe {
  return boundedReadiness(async () => {
    const identity = await salesforce.identity();
    return { orgId: identity.orgId, userId: identity.userId };
  });
}

/**
 * User mode has no identity of its own to ask with, so readiness is the login server's
 * OpenID discovery document: without it nobody can log in or refresh. Not an API call.
 */
export function discoveryReadiness(loginUrl: string, timeoutMs: number): ReadinessProbe {
  const url = new URL('/.well-known/openid-configuration', loginUrl);
  return boundedReadiness(async () => {
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
  });
}

/**
 * Readiness for a load balancer: the status and 200/503 to anyone; what was probed (org
 * and user ids, the Salesforce error code) only with `details`, for an authenticated caller.
 */
/** An open breaker or a full bulkhead is why the probe failed; say so rather than UNKNOWN. */
function readinessErrorCode(err: unknown): string {
  if (err instanceof SalesforceUpstreamError) return err.errorCode;
  if (err instanceof UpstreamRejectedError) return err.reason.toUpperCase().replace('-', '_');
  return 'UNKNOWN';
}

export async function handleReadyz(
  res: ServerResponse,
  probe: ReadinessProbe,
  { details }: { details: boolean },
): Promise<void> {
  try {
    const salesforce = await probe();
    sendJson(res, 200, details ? { status: 'ready', salesforce } : { status: 'ready' });
  } catch (err) {
    const errorCode = readinessErrorCode(err);
    sendJson(
      res,
      503,
      details ? { status: 'unavailable', salesforce: { errorCode } } : { status: 'unavailable' },
    );
  }
}

/**
 * Who sees /readyz details: a caller with a valid credential of the mode. The demo has no
 * credentials to check, so there the caller opts in by sending `X-API-Key` or
 * `Authorization` (any value); a browser tab or a port scan still sees only the status.
 */
export async function readinessDetailsAllowed(
  auth: { mode: AuthMode; authenticated(headers: IncomingHttpHeaders): Promise<boolean> },
  headers: IncomingHttpHeaders,
): Promise<boolean> {
  if (auth.mode === 'demo') {
    return headers['x-api-key'] !== undefined || headers.authorization !== undefined;
  }
  return auth.authenticated(headers);
}

export function handleNotFound(res: ServerResponse): void {
  sendJson(res, 404, {
    error: 'Not found',
    routes: ['/graphql', '/healthz', '/readyz', '/salesforce/openapi.json'],
  });
}
