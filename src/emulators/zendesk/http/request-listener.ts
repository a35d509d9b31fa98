import type { IncomingMessage } from 'node:http';
import {
  createServiceListener,
  isAdminPath,
  sleep,
  type RequestListener,
} from '../../http-kit/request-listener';
import { readBodyOr, type HttpReply } from '../../http-kit/http-io';
import type { Router } from '../../http-kit/router';
import type { ZendeskEmulatorContext } from '../emulator-context';
import type { AdminHandler } from '../../http-kit/admin-routes';
import { createAdminRoutes } from './admin.routes';
import { authenticate } from './basic-auth';
import { createApiRouter } from './routes/api-router';
import type { ApiRoute } from './routes/api-route';
import {
  ZendeskApiError,
  invalidEndpoint,
  rateLimited,
  serverError,
  serviceUnavailable,
  unauthorized,
  zendeskJson,
} from './zendesk-replies';

const API_PREFIX = /^\/api\/v2(\/.*)$/;
const MAX_BODY_BYTES = 1024 * 1024;

/** The emulator's HTTP surface as a `node:http` request listener. */
export function createZendeskListener(ctx: ZendeskEmulatorContext): RequestListener {
  const routes = { api: createApiRouter(), admin: createAdminRoutes(ctx) };
  return createServiceListener({
    outage: ctx.outage,
    handle: (req) => handle(ctx, routes, req),
    unexpected,
  });
}

async function handle(
  ctx: ZendeskEmulatorContext,
  { api, admin }: { api: Router<ApiRoute>; admin: AdminHandler<HttpReply> },
  req: IncomingMessage,
): Promise<HttpReply> {
  const url = new URL(req.url ?? '/', 'http://emulator.invalid');
  const method = req.method ?? 'GET';
  const read = await readBodyOr(req, MAX_BODY_BYTES, () =>
    zendeskJson(413, { error: 'RequestTooLarge' }),
  );
  if ('refused' in read) return read.refused;
  const { body } = read;
  if (isAdminPath(url.pathname)) return admin(method, url.pathname, body);

  const match = API_PREFIX.exec(url.pathname);
  // Zendesk serves every endpoint with or without `.json`.
  const found = match ? api.lookup(method, (match[1] as string).replace(/\.json$/, '')) : undefined;
  if (!found || found.kind !== 'found') return invalidEndpoint();

  const user = authenticate(ctx.store, ctx.options.apiToken, req.headers.authorization);
  if (!user) {
    ctx.traffic.recordUnauthorized();
    return unauthorized();
  }
  const admission = ctx.traffic.admit();
  if (admission.kind === 'server-unavailable') return serviceUnavailable();
  if (admission.kind === 'rate-limited')
    return rateLimited(admission.retryAfterSeconds, ctx.options.rateLimitPerMinute);
  ctx.traffic.record(found.handler.endpoint, user.email);
  await sleep(ctx.traffic.latencyMs());
  const host = req.headers.host;
  const apiBase = `${host ? `http://${host}` : ctx.baseUrl()}/api/v2`;
  let reply: HttpReply;
  try {
    reply = found.handler.handle({
      store: ctx.store,
      apiBase,
      params: found.params,
      query: url.searchParams,
      user,
      now: ctx.options.clock(),
      body,
      events: ctx.events,
    });
  } catch (err) {
    if (!(err instanceof ZendeskApiError)) throw err;
    reply = err.reply;
  }
  return { ...reply, headers: { ...reply.headers, ...ctx.traffic.rateLimitHeaders() } };
}

function unexpected(err: unknown): HttpReply {
  console.error('[zendesk-emulator] unexpected error', err);
  return serverError();
}
