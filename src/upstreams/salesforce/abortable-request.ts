import { Readable, type Duplex, type PassThrough } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { HttpRequest, HttpRequestOptions } from 'jsforce';
import {
  createHttpRequestHandlerStreams,
  isRedirect,
  performRedirectRequest,
} from 'jsforce/lib/request-helper';

/** The body kinds fetch takes as they are; jsforce's streams and multipart forms are not sent here. */
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
    // fetch computes the length of the body it sends.
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
  // No instanceof: fetch's errors may come from another realm (jest's vm contexts).
  const cause: unknown =
    err !== null && typeof err === 'object' ? Reflect.get(err, 'cause') : undefined;
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

async function send(
  req: HttpRequest,
  options: HttpRequestOptions,
  output: PassThrough,
  emitter: Duplex,
  signal: AbortSignal,
  redirects: number,
): Promise<void> {
  let response: Response;
  try {
    response = await fetch(req.url, {
      method: req.method,
      headers: headersOf(req),
      body: bodyOf(req),
      redirect: 'manual',
      signal,
    });
  } catch (err) {
    emitter.emit('error', transportError(err, req.url, signal));
    return;
  }
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  const head = { statusCode: response.status, headers };
  const { followRedirect } = options;
  if (followRedirect && isRedirect(head.statusCode)) {
    try {
      performRedirectRequest(req, head, followRedirect, redirects, (next) => {
        void send(next, options, output, emitter, signal, redirects + 1);
      });
    } catch (err) {
      emitter.emit('error', err);
    }
    return;
  }
  emitter.emit('response', head);
  if (response.body === null) {
    output.end();
    return;
  }
  Readable.fromWeb(response.body as WebReadableStream<Uint8Array>)
    .on('error', (err) => emitter.emit('error', transportError(err, req.url, signal)))
    .pipe(output);
}

/**
 * jsforce's `request()` (lib/request.js) with a caller's AbortSignal. jsforce creates its own
 * AbortController per request and offers no way to pass one, so an abandoned operation could
 * not cancel its HTTP call; this sends the same request with fetch and `signal`, and
 * answers on jsforce's own duplex stream (`response`, `complete`, `error` events) so the
 * rest of jsforce cannot tell. No retries: the gateway's resilience policy decides those.
 */
export function abortableRequest(
  req: HttpRequest,
  options: HttpRequestOptions,
  signal: AbortSignal,
): Duplex {
  const { output, stream } = createHttpRequestHandlerStreams(req, options);
  void send(req, options, output, stream, signal, 0);
  return stream;
}
