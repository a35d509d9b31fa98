import { jsonReplyWith, type HttpReply as AnyHttpReply } from '../../http-kit/http-io';

export { readBodyOr } from '../../http-kit/http-io';

/** Every Stripe reply carries headers and a body (the idempotency store replays both). */
export interface HttpReply extends AnyHttpReply {
  headers: Record<string, string>;
  body: string;
}

/** Stripe pretty-prints its JSON. */
export const jsonReply = jsonReplyWith('application/json', 2);
