import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  HeaderMap,
  type ApolloServer,
  type BaseContext,
  type HTTPGraphQLRequest,
} from '@apollo/server';
import { ErrorCode } from '../errors';
import { graphQLOverHttpStatus } from './graphql-over-http-status';
import { landingPageContentSecurityPolicy } from './http-security/landing-page-csp';

export const MAX_BODY_BYTES = 1_000_000;

export class HttpBodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpBodyError';
  }
}

/** The request body as text, refused with 413 past MAX_BODY_BYTES (REST routes read it too). */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new HttpBodyError(413, 'Request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const JSON_BODY = /^application\/(graphql-response\+)?json\b/i;

/** Shapes Apollo's CSRF prevention judges itself: no type, or one a form can send. */
const LEFT_TO_CSRF_PREVENTION =
  /^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)\b/i;

/**
 * Apollo wants the JSON body parsed (as express.json() would). A POST body of any other
 * declared type is refused with 415; no type, or a type an HTML form can send, goes on to
 * Apollo, whose CSRF prevention answers it.
 */
async function parseBody(req: IncomingMessage, headers: HeaderMap): Promise<unknown> {
  if (req.method === 'GET' || req.method === 'HEAD') return undefined;
  const text = await readBody(req);
  const contentType = headers.get('content-type');
  if (contentType !== undefined && JSON_BODY.test(contentType)) {
    if (text.trim() === '') return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new HttpBodyError(400, 'Request body is not valid JSON');
    }
  }
  if (
    req.method === 'POST' &&
    contentType !== undefined &&
    !LEFT_TO_CSRF_PREVENTION.test(contentType)
  ) {
    throw new HttpBodyError(415, 'Unsupported Content-Type: send application/json');
  }
  return text;
}

export function toHeaderMap(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/**
 * A minimal node:http integration for Apollo Server 5 (what `@as-integrations/express5`
 * does, without express): we own the http.Server so /healthz, /readyz and the WebSocket
 * endpoint share its port.
 */
export async function handleGraphQLRequest<TContext extends BaseContext>(
  server: ApolloServer<TContext>,
  req: IncomingMessage,
  res: ServerResponse,
  context: () => Promise<TContext>,
): Promise<void> {
  const headers = toHeaderMap(req);
  const url = new URL(req.url ?? '/', 'http://localhost');
  let body: unknown;
  try {
    body = await parseBody(req, headers);
  } catch (err) {
    const status = err instanceof HttpBodyError ? err.status : 400;
    const message = err instanceof Error ? err.message : 'Bad request';
    // Past 413 the rest of the body is never read: the connection cannot carry another request.
    const close = status === 413 ? { connection: 'close' } : {};
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...close });
    res.end(JSON.stringify({ errors: [{ message, extensions: { code: ErrorCode.BAD_REQUEST } }] }));
    return;
  }
  const httpGraphQLRequest: HTTPGraphQLRequest = {
    method: (req.method ?? 'GET').toUpperCase(),
    headers,
    search: url.search,
    body,
  };
  const response = await server.executeHTTPGraphQLRequest({ httpGraphQLRequest, context });
  for (const [name, value] of response.headers) res.setHeader(name, value);
  const contentType = response.headers.get('content-type') ?? '';
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    const body = response.body.string;
    res.statusCode = graphQLOverHttpStatus(res.statusCode, contentType, body);
    if (contentType.startsWith('text/html')) {
      const policy = landingPageContentSecurityPolicy(body);
      if (policy !== undefined) res.setHeader('content-security-policy', policy);
    }
    res.end(body);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}
