import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import {
  createServiceListener,
  isAdminPath,
  type RequestListener,
} from '../../http-kit/request-listener';
import type { QuickBooksContext } from '../emulator-context';
import {
  handleRevokeRequest,
  handleTokenRequest,
  REVOKE_PATH,
  TOKEN_PATH,
} from '../oauth/token-endpoint';
import type { AdminHandler } from '../../http-kit/admin-routes';
import { createAdminRoutes } from './admin.routes';
import { endpointOf, handleCompanyRequest } from './company-api';
import { bearerToken, readBody, type HttpReply } from './http-io';
import {
  authenticationFailed,
  authorizationFailed,
  systemFault,
  throttled,
  unsupportedOperation,
} from './qbo-faults';

const MAX_BODY_BYTES = 1024 * 1024;
const COMPANY_PATH = /^\/v3\/company\/([^/]+)(\/.*)?$/;

/** The emulator's whole HTTP surface as a `node:http` request listener. */
export function createRequestListener(ctx: QuickBooksContext): RequestListener {
  const admin = createAdminRoutes(ctx);
  return createServiceListener({
    outage: ctx.faults,
    handle: (req) => handle(ctx, admin, req),
    unexpected: (err) => {
      console.error('[quickbooks-emulator] unexpected error', err);
      return systemFault(500, ctx.options.clock());
    },
    // Every QBO and Intuit OAuth response carries one; intuit-oauth reads it into errors.
    replyHeaders: () => ({ intuit_tid: randomUUID() }),
  });
}

async function handle(
  ctx: QuickBooksContext,
  admin: AdminHandler<HttpReply>,
  req: IncomingMessage,
): Promise<HttpReply> {
  const url = new URL(req.url ?? '/', 'http://emulator.invalid');
  const method = req.method ?? 'GET';
  const body = await readBody(req, MAX_BODY_BYTES);
  if (isAdminPath(url.pathname)) return admin(method, url.pathname, body);
  const client = { clientId: ctx.options.clientId, clientSecret: ctx.options.clientSecret };
  if (url.pathname === TOKEN_PATH)
    return handleTokenRequest(ctx.tokens, client, method, req.headers.authorization, body, (g) =>
      ctx.faults.recordGrant(g),
    );
  if (url.pathname === REVOKE_PATH && method === 'POST')
    return handleRevokeRequest(ctx.tokens, client, req.headers.authorization, body);

  const now = ctx.options.clock();
  const company = COMPANY_PATH.exec(url.pathname);
  if (!company) return unsupportedOperation(url.pathname, now);
  const access = ctx.tokens.checkAccess(bearerToken(req.headers.authorization));
  if (!access.ok) return authenticationFailed(access.detail, now);
  if (decodeURIComponent(company[1] as string) !== access.realmId) return authorizationFailed(now);

  const resource = company[2] ?? '/';
  const endpoint = endpointOf(method, resource);
  const admission = ctx.faults.admit();
  if (admission === 'server-unavailable') return systemFault(503, now);
  if (admission === 'rate-limited') return throttled(ctx.faults.retryAfterSeconds(), now);
  if (endpoint) ctx.faults.record(endpoint);
  await ctx.faults.wait();
  return handleCompanyRequest(ctx, {
    method,
    resource,
    fullPath: url.pathname,
    query: url.searchParams,
    body,
  });
}
