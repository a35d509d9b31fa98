import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a handler answers; written to the socket by `writeReply`. */
export interface HttpReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function jsonReply(
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): HttpReply {
  return {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(value, null, 2),
  };
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

export function writeReply(res: ServerResponse, reply: HttpReply): void {
  res.writeHead(reply.status, {
    ...reply.headers,
    'Content-Length': Buffer.byteLength(reply.body),
  });
  res.end(reply.body);
}
