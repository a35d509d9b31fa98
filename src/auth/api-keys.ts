import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AuthConfigError } from './auth-errors';

/**
 * API keys for AUTH_MODE=integration (server-to-server callers acting as the integration user).
 *
 * Configuration:
 * - `API_KEY_PEPPER`: a secret of at least 32 characters, kept out of the key list's storage.
 * - `API_KEYS`: comma-separated `name:hash` entries, where `hash` is the lowercase hex
 *   HMAC-SHA256(API_KEY_PEPPER, key) printed by `hashApiKey`. Example:
 *   `API_KEYS=billing-sync:9f86d0...,reporting:2c26b4...`
 *
 * Keys are 32 random bytes, so a fast keyed hash suffices (no brute-force margin to buy with
 * scrypt), and the pepper makes a leaked hash list useless on its own. Clients send the key in
 * `X-API-Key`.
 */
export interface ApiKeyEntry {
  name: string;
  hash: Buffer;
}

export interface ApiKeyPrincipal {
  /** The entry's name, for logs and audit; never the key. */
  name: string;
}

const NAME_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;
const HASH_PATTERN = /^[0-9a-f]{64}$/;
const MIN_PEPPER_LENGTH = 32;

export function generateApiKey(): string {
  return `atom_${randomBytes(32).toString('base64url')}`;
}

export function hashApiKey(key: string, pepper: string): string {
  return createHmac('sha256', pepper).update(key, 'utf8').digest('hex');
}

export function parseApiKeys(raw: string): ApiKeyEntry[] {
  const entries = raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part, index) => {
      const [name = '', hash = '', ...rest] = part.split(':');
      if (rest.length > 0 || !NAME_PATTERN.test(name) || !HASH_PATTERN.test(hash)) {
        throw new AuthConfigError(
          `API_KEYS entry ${index + 1}: expected name:<64 hex chars of HMAC-SHA256>`,
        );
      }
      return { name, hash: Buffer.from(hash, 'hex') };
    });
  const names = new Set(entries.map((entry) => entry.name));
  if (names.size !== entries.length) throw new AuthConfigError('API_KEYS has duplicate names');
  return entries;
}

export class ApiKeyVerifier {
  constructor(
    private readonly entries: readonly ApiKeyEntry[],
    private readonly pepper: string,
  ) {
    if (pepper.length < MIN_PEPPER_LENGTH) {
      throw new AuthConfigError(`API_KEY_PEPPER must be at least ${MIN_PEPPER_LENGTH} characters`);
    }
  }

  /**
   * Compares against every entry with timingSafeEqual and no early exit, so neither the
   * matching entry's position nor a near-miss shows in the response time.
   */
  verify(presented: string | undefined): ApiKeyPrincipal | undefined {
    if (!presented || presented.length > 256) return undefined;
    const candidate = Buffer.from(hashApiKey(presented, this.pepper), 'hex');
    let match: ApiKeyEntry | undefined;
    for (const entry of this.entries) {
      if (timingSafeEqual(candidate, entry.hash) && !match) match = entry;
    }
    return match ? { name: match.name } : undefined;
  }
}
