import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a handler answers; written to the socket by `writeReply`. */
export interface HttpReply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export const JSON_CONTENT_TYPE = 'application/json;charset=UTF-8';
export const XML_CONTENT_TYPE = 'text/xml;charset=UTF-8';
export const HTML_CONTENT_TYPE = 'text/html;charset=UTF-8';

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

/** Salesforce's REST error body: an array of `{message, errorCode, fields?}`. */
export function restError(
  status: number,
  errorCode: string,
  message: string,
  fields?: string[],
): HttpReply {
  return jsonReply(status, [fields ? { message, errorCode, fields } : { message, errorCode }]);
}

export const emptyReply = (status = 204): HttpReply => ({ status });

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
  const headers: Record<string, string | number> = { ...reply.headers };
  const body = reply.body ?? '';
  headers['Content-Length'] = Buffer.byteLength(body);
  res.writeHead(reply.status, headers);
  res.end(body);
}

export function parseForm(body: Buffer): URLSearchParams {
  return new URLSearchParams(body.toString('utf8'));
}

/** `Authorization: Basic base64(id:secret)`, with both parts form-decoded (RFC 6749 §2.3.1). */
export function parseBasicAuth(
  header: string | undefined,
): { id: string; secret: string } | undefined {
  const match = header ? /^Basic\s+(.+)$/i.exec(header) : null;
  if (!match) return undefined;
  const decoded = Buffer.from(match[1] as string, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const decode = (s: string): string => decodeURIComponent(s.replace(/\+/g, ' '));
  try {
    return { id: decode(decoded.slice(0, colon)), secret: decode(decoded.slice(colon + 1)) };
  } catch {
    return undefined;
  }
}

/** The token of `Authorization: Bearer x` (or Salesforce's older `OAuth x`). */
export function bearerToken(header: string | undefined): string | undefined {
  const match = header ? /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(header) : null;
  return match ? (match[1] as string) : undefined;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
