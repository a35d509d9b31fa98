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
