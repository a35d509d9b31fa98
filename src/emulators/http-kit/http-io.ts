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

export const JSON_CONTENT_TYPE = 'application/json;charset=UTF-8';

/** Compact JSON as Salesforce and Intuit send it (and the admin surface of every emulator). */
export function jsonReply(
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): HttpReply {
  return {
    status,
    headers: { 'Content-Type': JSON_CONTENT_TYPE, ...headers },
    body: JSON.stringify(value),
  };
}
