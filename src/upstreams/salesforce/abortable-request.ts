import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Duplex, PassThrough, Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { HttpRequest, HttpRequestOptions } from 'jsforce';
import {
  createHttpRequestHandlerStreams,
  isRedirect,
  performRedirectRequest,
} from 'jsforce/lib/request-helper';

/** The body kinds sent as they are; jsforce's streams and multipart forms are not sent here. */
export function isPlainBody(body: HttpRequest['body']): boolean {
  return (
    body === undefined ||
    body === null ||
    typeof body === 'string' ||
    Buffer.isBuffer(body) ||
    body instanceof URLSearchParams
  );
}

function bodyOf(req: HttpRequest): string | Buffer | URLSearchParams | undefined {
  const { body } = req;
  if (body === undefined || body === null || !/^(post|put|patch)$/i.test(req.method)) {
    return undefined;
  }
  return body as string | Buffer | URLSearchParams;
}

function headersOf(req: HttpRequest): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers ?? {})) {
    // The length is computed from the body actually sent.
    if (name.toLowerCase() !== 'content-length') headers[name] = value;
  }
  return headers;
}

/**
 * The errors jsforce's node-fetch transport raises, so normalize-error maps both alike: an
 * AbortError on timeout or abort, a FetchError carrying the socket `code`.
 */
function transportError(err: unknown, url: string, signal: AbortSignal): Error {
  if (signal.aborted) {
    const aborted = new Error(`Request to ${url} was aborted due to timeout or cancellation`);
    aborted.name = 'AbortError';
    return aborted;
  }
  // node:http puts the socket `code` on the error; fetch put it on `cause`. No instanceof:
  // errors may come from another realm (jest's vm contexts).
  const cause: unknown =
    err !== null && typeof err === 'object' ? (Reflect.get(err, 'cause') ?? err) : undefined;
  const code = cause !== null && typeof cause === 'object' ? Reflect.get(cause, 'code') : undefined;
  if (typeof code === 'string') {
    const message: unknown =
      cause !== null && typeof cause === 'object' ? Reflect.get(cause, 'message') : undefined;
    const reason = typeof message === 'string' ? message : code;
    return Object.assign(new Error(`request to ${url} failed, reason: ${reason} (${code})`), {
      name: 'FetchError',
      code,
    });
  }
  return err instanceof Error ? err : new Error(String(err));
}

/** Kept-alive sockets to the org, as fetch's global dispatcher kept them. */
const agents = {
  http: new HttpAgent({ keepAlive: true }),
  https: new HttpsAgent({ keepAlive: true }),
};

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((key) => key.toLowerCase() === name);
}

/** The body as sent, decoded the way fetch decoded it (gzip, deflate, br). */
function decodedBody(response: IncomingMessage): Readable {
  const encoding = String(response.headers['content-encoding'] ?? '')
    .trim()
    .toLowerCase();
  if (encoding === 'gzip' || encoding === 'x-gzip') return response.pipe(createGunzip());
  if (encoding === 'deflate') return response.pipe(createInflate());
  if (encoding === 'br') return response.pipe(createBrotliDecompress());
  return response;
}

function responseHeaders(response: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/**
 * One request over node:http(s) rather than fetch: the same request and answer, without
 * fetch's WHATWG Request/Headers/stream objects and the web-stream-to-Node bridge, which
 * were the largest share of the gateway's own CPU per Salesforce call in the bench profile.
 */
function send(
  req: HttpRequest,
  options: HttpRequestOptions,
  output: PassThrough,
  emitter: Duplex,
  signal: AbortSignal,
  redirects: number,
): void {
  const fail = (err: unknown): void => {
    emitter.emit('error', transportError(err, req.url, signal));
  };
  // These fail before any I/O, while the caller has not yet attached its listeners (an
  // 'error' without one throws): report them on the next tick, as a failed request would.
  let url: URL;
  try {
    url = new URL(req.url);
  } catch (err) {
    process.nextTick(fail, err);
    return;
  }
  if (signal.aborted) {
    process.nextTick(fail, signal.reason);
    return;
  }
  const body = bodyOf(req);
  const payload = body instanceof URLSearchParams ? body.toString() : body;
  const headers = headersOf(req);
  if (!hasHeader(headers, 'accept-encoding')) headers['accept-encoding'] = 'gzip, deflate, br';
  if (payload !== undefined) {
    headers['content-length'] = String(Buffer.byteLength(payload));
    if (body instanceof URLSearchParams && !hasHeader(headers, 'content-type')) {
      headers['content-type'] = 'application/x-www-form-urlencoded;charset=UTF-8';
    }
  }
  const secure = url.protocol === 'https:';
  const outgoing = (secure ? httpsRequest : httpRequest)(url, {
    method: req.method.toUpperCase(),
    headers,
    agent: secure ? agents.https : agents.http,
    signal,
  });
  outgoing.on('error', fail);
  outgoing.on('response', (response) => {
    const head = { statusCode: response.statusCode ?? 0, headers: responseHeaders(response) };
    const { followRedirect } = options;
    if (followRedirect && isRedirect(head.statusCode)) {
      response.resume();
      try {
        performRedirectRequest(req, head, followRedirect, redirects, (next) => {
          send(next, options, output, emitter, signal, redirects + 1);
        });
      } catch (err) {
        emitter.emit('error', err);
      }
      return;
    }
    emitter.emit('response', head);
    response.on('error', fail);
    const decoded = decodedBody(response);
    if (decoded !== response) decoded.on('error', fail);
    decoded.pipe(output);
  });
  outgoing.end(payload);
}

/**
 * jsforce's `request()` (lib/request.js) with a caller's AbortSignal. jsforce creates its own
 * AbortController per request and offers no way to pass one, so an abandoned operation could
 * not cancel its HTTP call; this sends the same request with node:http and `signal`, and
 * answers on jsforce's own duplex stream (`response`, `complete`, `error` events) so the
 * rest of jsforce cannot tell. No retries: the gateway's resilience policy decides those.
 */
export function abortableRequest(
  req: HttpRequest,
  options: HttpRequestOptions,
  signal: AbortSignal,
): Duplex {
  const { output, stream } = createHttpRequestHandlerStreams(req, options);
  send(req, options, output, stream, signal, 0);
  return stream;
}
