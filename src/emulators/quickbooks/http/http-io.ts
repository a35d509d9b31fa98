import type { IncomingMessage, ServerResponse } from 'node:http';

export interface HttpReply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export function jsonReply(
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): HttpReply {
  return {
    status,
    headers: { 'Content-Type': 'application/json;charset=UTF-8', ...headers },
    body: JSON.stringify(value),
  };
}

export async function readBody(req: IncomingMessage, limitBytes = 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > limitBytes) throw new Error(`request body over ${limitBytes} bytes`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

export function writeReply(res: ServerResponse, reply: HttpReply, transactionId: string): void {
  const body = reply.body ?? '';
  res.writeHead(reply.status, {
    ...reply.headers,
    // Every QBO and Intuit OAuth response carries one; intuit-oauth reads it into errors.
    intuit_tid: transactionId,
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

/** `Authorization: Basic base64(id:secret)` as intuit-oauth and node-quickbooks send it. */
export function basicCredentials(
  header: string | undefined,
): { id: string; secret: string } | undefined {
  const match = header ? /^Basic\s+(\S+)$/i.exec(header) : null;
  if (!match) return undefined;
  const decoded = Buffer.from(match[1] as string, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

export function bearerToken(header: string | undefined): string | undefined {
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match ? (match[1] as string) : undefined;
}
