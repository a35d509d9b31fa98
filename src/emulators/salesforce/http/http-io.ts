import { jsonReply, type HttpReply } from '../../http-kit/http-io';

export { jsonReply, readBodyOr, type HttpReply } from '../../http-kit/http-io';

export const XML_CONTENT_TYPE = 'text/xml;charset=UTF-8';
export const HTML_CONTENT_TYPE = 'text/html;charset=UTF-8';

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
