import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a handler answers; written to the socket by `writeReply`. */
export interface HttpReply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export class BodyTooLargeError extends Error {}

export async function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > limitBytes) throw new BodyTooLargeError(`request body over ${limitBytes} bytes`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** The body, or the service's own reply (its 413) when the body is over `limitBytes`. */
export async function readBodyOr<R>(
  req: IncomingMessage,
  limitBytes: number,
  tooLarge: (err: BodyTooLargeError) => R,
): Promise<{ body: Buffer } | { refused: R }> {
  try {
    return { body: await readBody(req, limitBytes) };
  } catch (err) {
    if (err instanceof BodyTooLargeError) return { refused: tooLarge(err) };
    throw err;
  }
}

/** `Authorization: Basic base64(user:password)`, split at the first colon, undecoded. */
export function basicCredentials(
  header: string | undefined,
): { id: string; secret: string } | undefined {
  const match = header ? /^Basic\s+(\S+)$/i.exec(header) : null;
  if (!match) return undefined;
  const decoded = Buffer.from(match[1] as string, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

/** Writes the reply with its `Content-Length`; `extraHeaders` are ones every reply carries. */
export function writeReply(
  res: ServerResponse,
  reply: HttpReply,
  extraHeaders: Record<string, string> = {},
): void {
  const body = reply.body ?? '';
  res.writeHead(reply.status, {
    ...reply.headers,
    ...extraHeaders,
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

/** A JSON reply always has its headers and body. */
export interface JsonReply extends HttpReply {
  headers: Record<string, string>;
  body: string;
}

export type JsonReplyWriter = (
  status: number,
  value: unknown,
  headers?: Record<string, string>,
) => JsonReply;

/** How one service writes JSON: its `Content-Type` and indentation (none: compact). */
export function jsonReplyWith(contentType: string, indent?: number): JsonReplyWriter {
  return (status, value, headers = {}) => ({
    status,
    headers: { 'Content-Type': contentType, ...headers },
    body: JSON.stringify(value, null, indent),
  });
}

export const JSON_CONTENT_TYPE = 'application/json;charset=UTF-8';

/** Compact JSON as Salesforce and Intuit send it (and the admin surface of every emulator). */
export const jsonReply = jsonReplyWith(JSON_CONTENT_TYPE);
