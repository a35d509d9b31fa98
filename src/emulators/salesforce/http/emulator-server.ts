import type { IncomingMessage } from 'node:http';
import {
  createServiceListener,
  isAdminPath,
  sleep,
  type RequestListener,
} from '../../http-kit/request-listener';
import type { EmulatorContext } from '../emulator-context';
import { SalesforceError } from '../model/errors';
import { authenticate } from '../oauth/oauth-request';
import { routeOAuth } from '../oauth/oauth-router';
import type { AdminHandler } from '../../http-kit/admin-routes';
import { createAdminRoutes } from './admin.routes';
import {
  HTML_CONTENT_TYPE,
  bearerToken,
  jsonReply,
  readBodyOr,
  restError,
  type HttpReply,
} from './http-io';
import type { ApiRoute } from './rest/api-route';
import { createRestRouter } from './rest/rest-router';
import type { Router } from '../../http-kit/router';
import { handleSoapRequest } from './soap/soap-endpoint';

/** Salesforce's documented limit for the request URI (431/414 beyond it). */
export const MAX_URI_BYTES = 16_384;
const MAX_BODY_BYTES = 50 * 1024 * 1024;

const REST_PREFIX = /^\/services\/data\/v(\d+\.\d)(\/.*)?$/;
const SOAP_PATH = /^\/services\/Soap\/u\/(\d+\.\d)\/?$/;

/** The emulator's whole HTTP surface as a `node:http` request listener. */
export function createRequestListener(ctx: EmulatorContext): RequestListener {
  const routes = { rest: createRestRouter(), admin: createAdminRoutes(ctx) };
  return createServiceListener({
    outage: ctx.outage,
    // Before the body is read: faye reads the CometD request body itself.
    takeOver: (req, res) => ctx.cdc.handle(req, res),
    handle: (req) => handle(ctx, routes, req),
    unexpected,
  });
}

async function handle(
  ctx: EmulatorContext,
  { rest, admin }: { rest: Router<ApiRoute>; admin: AdminHandler<HttpReply> },
  req: IncomingMessage,
): Promise<HttpReply> {
  const rawUrl = req.url ?? '/';
  if (Buffer.byteLength(rawUrl) > MAX_URI_BYTES) {
    return {
      status: 414,
      headers: { 'Content-Type': HTML_CONTENT_TYPE },
      body: '<html><head><title>414 URI Too Long</title></head><body><h1>URI Too Long</h1></body></html>',
    };
  }
  const url = new URL(rawUrl, 'http://emulator.invalid');
  const path = url.pathname;
  const method = req.method ?? 'GET';
  const read = await readBodyOr(req, MAX_BODY_BYTES, (err) =>
    restError(413, 'REQUEST_ENTITY_TOO_LARGE', err.message),
  );
  if ('refused' in read) return read.refused;
  const { body } = read;

  if (isAdminPath(path)) return admin(method, path, body, url.searchParams);
  ctx.requests.record(method, path, req.headers);
  const oauth = routeOAuth(path, {
    ctx,
    method,
    query: url.searchParams,
    headers: req.headers,
    body,
  });
  if (oauth) return oauth;
  if (path === '/services/data' || path === '/services/data/')
    return withLimitInfo(ctx, versionsReply());

  const soap = SOAP_PATH.exec(path);
  if (soap) {
    if (method !== 'POST') return withLimitInfo(ctx, methodNotAllowed(method, ['POST']));
    return withLimitInfo(
      ctx,
      await handleSoapRequest(ctx, body, () => sleep(ctx.usage.latencyMs())),
    );
  }
  const restMatch = REST_PREFIX.exec(path);
  if (restMatch) {
    const apiVersion = restMatch[1] as string;
    const reply = await handleRest(
      ctx,
      rest,
      req,
      method,
      restMatch[2] ?? '/',
      apiVersion,
      url.searchParams,
      body,
    );
    return withLimitInfo(ctx, reply);
  }
  return restError(404, 'NOT_FOUND', 'The requested resource does not exist');
}

async function handleRest(
  ctx: EmulatorContext,
  rest: Router<ApiRoute>,
  req: IncomingMessage,
  method: string,
  restPath: string,
  apiVersion: string,
  query: URLSearchParams,
  body: Buffer,
): Promise<HttpReply> {
  const auth = authenticate(ctx, bearerToken(req.headers.authorization));
  if (!auth) return restError(401, 'INVALID_SESSION_ID', 'Session expired or invalid');
  const found = rest.lookup(method, restPath);
  if (found.kind === 'not-found')
    return restError(404, 'NOT_FOUND', 'The requested resource does not exist');
  if (found.kind === 'method-not-allowed') return methodNotAllowed(method, found.allowed);
  const admission = ctx.usage.admit();
  if (admission === 'server-unavailable') {
    return restError(
      503,
      'SERVER_UNAVAILABLE',
      'Server temporarily unavailable. Please try again later.',
    );
  }
  if (admission === 'limit-exceeded')
    return restError(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
  ctx.usage.record(found.handler.endpoint, auth.user.Username);
  ctx.usage.beginCall();
  try {
    await sleep(ctx.usage.latencyMs());
    return found.handler.handle({
      ctx,
      user: auth.user,
      apiVersion,
      params: found.params,
      query,
      headers: req.headers,
      body,
    });
  } catch (err) {
    if (err instanceof SalesforceError) return jsonReply(err.statusCode, [err.toJSON()]);
    throw err;
  } finally {
    ctx.usage.endCall();
  }
}

function methodNotAllowed(method: string, allowed: string[]): HttpReply {
  const reply = restError(
    405,
    'METHOD_NOT_ALLOWED',
    `HTTP Method '${method}' not allowed. Allowed are ${['HEAD', ...allowed].join(',')}`,
  );
  return { ...reply, headers: { ...reply.headers, Allow: ['HEAD', ...allowed].join(', ') } };
}

function withLimitInfo(ctx: EmulatorContext, reply: HttpReply): HttpReply {
  return {
    ...reply,
    headers: { ...reply.headers, 'Sforce-Limit-Info': ctx.usage.limitInfoHeader() },
  };
}

const RELEASES: Array<[string, string]> = [
  ['55.0', "Summer '22"],
  ['56.0', "Winter '23"],
  ['57.0', "Spring '23"],
  ['58.0', "Summer '23"],
  ['59.0', "Winter '24"],
  ['60.0', "Spring '24"],
  ['61.0', "Summer '24"],
  ['62.0', "Winter '25"],
];

/** GET /services/data/: the versions this org serves (no session needed, as on Salesforce). */
function versionsReply(): HttpReply {
  return jsonReply(
    200,
    RELEASES.map(([version, label]) => ({ label, url: `/services/data/v${version}`, version })),
  );
}

function unexpected(err: unknown): HttpReply {
  if (err instanceof SalesforceError) return jsonReply(err.statusCode, [err.toJSON()]);
  console.error('[salesforce-emulator] unexpected error', err);
  return restError(
    500,
    'UNKNOWN_EXCEPTION',
    'An unexpected error occurred. Please include this ErrorId if you contact support: emulator',
  );
}
