import type { IncomingMessage } from 'node:http';
import {
  createServiceListener,
  isAdminPath,
  sleep,
  type RequestListener,
} from '../../http-kit/request-listener';
import { matchRoute } from '../api/api-routes';
import { RequestParams } from '../api/request-params';
import { StripeApiError, stripeErrors } from '../model/stripe-error';
import type { AdminHandler } from '../../http-kit/admin-routes';
import { createAdminRoutes } from './admin.routes';
import { apiKeyOf } from './api-key';
import type { StripeEmulatorContext } from './emulator-context';
import { MalformedParamError, parseFormParams, type FormObject } from './form-params';
import { jsonReply, readBodyOr, type HttpReply } from './http-io';

const MAX_BODY_BYTES = 1024 * 1024;

/** The emulator's whole HTTP surface as a `node:http` request listener. */
export function createRequestListener(ctx: StripeEmulatorContext): RequestListener {
  const admin = createAdminRoutes(ctx);
  return createServiceListener({
    outage: ctx.outage,
    handle: (req) => handle(ctx, admin, req),
    unexpected: errorReply,
  });
}

async function handle(
  ctx: StripeEmulatorContext,
  admin: AdminHandler<HttpReply>,
  req: IncomingMessage,
): Promise<HttpReply> {
  const url = new URL(req.url ?? '/', 'http://emulator.invalid');
  const method = req.method ?? 'GET';
  const read = await readBodyOr(req, MAX_BODY_BYTES, () =>
    errorReply(stripeErrors.invalidValue('body', 'Request body too large.')),
  );
  if ('refused' in read) return read.refused;
  const { body } = read;
  if (isAdminPath(url.pathname)) return admin(method, url.pathname, body);
  const reply = await handleApi(ctx, req, method, url, body);
  return withStandardHeaders(ctx, req, method, reply);
}

async function handleApi(
  ctx: StripeEmulatorContext,
  req: IncomingMessage,
  method: string,
  url: URL,
  body: Buffer,
): Promise<HttpReply> {
  const apiKey = apiKeyOf(req.headers.authorization);
  if (apiKey === undefined || !ctx.apiKeys.has(apiKey)) {
    ctx.stats.unauthorized();
    return errorReply(
      apiKey === undefined ? stripeErrors.noApiKey() : stripeErrors.invalidApiKey(apiKey),
    );
  }
  const match = matchRoute(method, url.pathname);
  if (match.kind === 'not-found')
    return errorReply(stripeErrors.unrecognizedUrl(method, url.pathname));
  const admission = ctx.stats.admit();
  if (admission === 'rate-limited')
    return errorReply(stripeErrors.rateLimited(ctx.retryAfterSeconds));
  if (admission === 'server-unavailable') return errorReply(stripeErrors.serverUnavailable());
  ctx.stats.record(`${method} ${match.route.pattern}`);
  await ctx.stats.serving(() => sleep(ctx.stats.latencyMs()));

  const idempotencyKey = method === 'POST' ? headerValue(req, 'idempotency-key') : undefined;
  if (idempotencyKey !== undefined) {
    const replay = ctx.idempotency.lookup(apiKey, idempotencyKey, method, url.pathname, body);
    if (replay) return replay;
  }
  const pairs = method === 'POST' ? new URLSearchParams(body.toString('utf8')) : url.searchParams;
  const reply = run(() => {
    const params = RequestParams.from(parseParams(pairs));
    return match.route.handle({
      store: ctx.store,
      params,
      pathParams: match.pathParams,
      path: url.pathname,
      events: ctx.events,
    });
  });
  // Stripe saves a result once the endpoint started executing: successes and card errors,
  // not parameter validation failures (https://docs.stripe.com/api/idempotent_requests).
  if (idempotencyKey !== undefined && (reply.status === 200 || reply.status === 402))
    ctx.idempotency.save(apiKey, idempotencyKey, method, url.pathname, body, reply);
  return reply;
}

function run(handler: () => unknown): HttpReply {
  try {
    return jsonReply(200, handler());
  } catch (err) {
    return errorReply(err);
  }
}

function parseParams(pairs: URLSearchParams): FormObject | MalformedParamError {
  try {
    return parseFormParams(pairs);
  } catch (err) {
    if (err instanceof MalformedParamError) return err;
    throw err;
  }
}

function errorReply(err: unknown): HttpReply {
  if (err instanceof StripeApiError) return jsonReply(err.statusCode, err.toJSON(), err.headers);
  console.error('[stripe-emulator] unexpected error', err);
  const internal = stripeErrors.internal();
  return jsonReply(internal.statusCode, internal.toJSON());
}

function withStandardHeaders(
  ctx: StripeEmulatorContext,
  req: IncomingMessage,
  method: string,
  reply: HttpReply,
): HttpReply {
  const headers: Record<string, string> = {
    ...reply.headers,
    'Request-Id': ctx.nextRequestId(),
    'Stripe-Version': headerValue(req, 'stripe-version') ?? ctx.apiVersion,
  };
  const idempotencyKey = headerValue(req, 'idempotency-key');
  if (method === 'POST' && idempotencyKey !== undefined)
    headers['Idempotency-Key'] = idempotencyKey;
  return { ...reply, headers };
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
