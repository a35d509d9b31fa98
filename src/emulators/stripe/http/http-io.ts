import type { HttpReply as AnyHttpReply } from '../../http-kit/http-io';

export { BodyTooLargeError, readBody, writeReply } from '../../http-kit/http-io';

/** Every Stripe reply carries headers and a body (the idempotency store replays both). */
export interface HttpReply extends AnyHttpReply {
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
