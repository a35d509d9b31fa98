import { createHash } from 'node:crypto';
import { stripeErrors } from '../model/stripe-error';
import type { HttpReply } from './http-io';

interface SavedResult {
  fingerprint: string;
  reply: HttpReply;
}

const MAX_KEY_LENGTH = 255;

/**
 * Idempotent POSTs (https://docs.stripe.com/api/idempotent_requests): the first result for
 * a key is saved and replayed for the same key, scoped to the API key; the same key with
 * another path or other parameters is an `idempotency_error`. Results of requests that
 * failed validation are not saved, so a corrected retry with the same key runs.
 */
export class IdempotencyStore {
  private saved = new Map<string, SavedResult>();

  /** A saved reply to replay, or undefined when the request must run. */
  lookup(
    apiKey: string,
    key: string,
    method: string,
    path: string,
    body: Buffer,
  ): HttpReply | undefined {
    if (key.length > MAX_KEY_LENGTH) {
      throw stripeErrors.invalidValue(
        'Idempotency-Key',
        `Idempotency-Key is too long: it must be at most ${MAX_KEY_LENGTH} characters.`,
      );
    }
    const found = this.saved.get(scope(apiKey, key));
    if (!found) return undefined;
    if (found.fingerprint !== fingerprint(method, path, body))
      throw stripeErrors.idempotencyMismatch(key);
    return { ...found.reply, headers: { ...found.reply.headers, 'Idempotent-Replayed': 'true' } };
  }

  save(
    apiKey: string,
    key: string,
    method: string,
    path: string,
    body: Buffer,
    reply: HttpReply,
  ): void {
    this.saved.set(scope(apiKey, key), { fingerprint: fingerprint(method, path, body), reply });
  }

  clear(): void {
    this.saved = new Map();
  }
}

function scope(apiKey: string, key: string): string {
  return `${apiKey}\u0000${key}`;
}

/** Parameters in any order are the same request. */
function fingerprint(method: string, path: string, body: Buffer): string {
  const pairs = [...new URLSearchParams(body.toString('utf8'))].map(([k, v]) => `${k}=${v}`).sort();
  return createHash('sha256')
    .update(`${method} ${path}\n${pairs.join('&')}`)
    .digest('hex');
}
