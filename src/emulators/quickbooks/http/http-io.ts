// intuit-oauth and node-quickbooks send `Authorization: Basic base64(id:secret)`.
export { basicCredentials, jsonReply, readBody, type HttpReply } from '../../http-kit/http-io';

export function bearerToken(header: string | undefined): string | undefined {
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match ? (match[1] as string) : undefined;
}
