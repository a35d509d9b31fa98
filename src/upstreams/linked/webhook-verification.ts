import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A webhook the gateway must not act on: `signature` when it cannot be shown to come from
 * the service (missing, wrong, stale), `payload` when it is signed but not what the service
 * sends. Both answer 400; the message names the reason, never the secret.
 */
export class WebhookRejectedError extends Error {
  constructor(
    readonly reason: 'signature' | 'payload',
    message: string,
  ) {
    super(message);
    this.name = 'WebhookRejectedError';
  }
}

/** One header's value; a repeated header is refused (a signature is sent once). */
export function singleHeader(
  headers: Readonly<Record<string, string | string[] | undefined>>,
  name: string,
): string | undefined {
  const value = headers[name.toLowerCase()];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Whether `provided` (base64) is HMAC-SHA256(secret, data), compared in constant time:
 * the time taken must not tell an attacker how many bytes were right.
 */
export function base64HmacMatches(secret: string, data: Buffer, provided: string): boolean {
  const expected = createHmac('sha256', secret).update(data).digest();
  let given: Buffer;
  try {
    given = Buffer.from(provided.trim(), 'base64');
  } catch {
    return false;
  }
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The body as JSON, or a `payload` rejection. */
export function parseJsonBody(rawBody: Buffer): unknown {
  try {
    return JSON.parse(rawBody.toString('utf8')) as unknown;
  } catch {
    throw new WebhookRejectedError('payload', 'The body is not valid JSON');
  }
}
