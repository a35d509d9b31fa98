export { jsonReply, readBody, type HttpReply } from '../../http-kit/http-io';

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
