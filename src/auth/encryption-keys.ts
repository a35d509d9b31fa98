import { hkdfSync, randomBytes } from 'node:crypto';
import { AuthConfigError } from './auth-errors';

export interface EncryptionKey {
  readonly kid: string;
  readonly key: Buffer;
}

/** The newest key encrypts; every listed key still decrypts (rotation without a flag day). */
export interface Keyring {
  readonly current: EncryptionKey;
  /** Newest first. */
  readonly keys: readonly EncryptionKey[];
  find(kid: string): EncryptionKey | undefined;
}

const KID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
const KEY_BYTES = 32;

/**
 * Parses `TOKEN_ENCRYPTION_KEYS`: comma-separated `kid:base64key` entries, newest first,
 * each key 32 random bytes (AES-256). Example: `k2:3q2+7w...=,k1:q83v...=`.
 */
export function parseEncryptionKeys(raw: string): Keyring {
  const entries = raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  if (entries.length === 0) throw new AuthConfigError('TOKEN_ENCRYPTION_KEYS is empty');
  const keys: EncryptionKey[] = entries.map((entry, index) => {
    const separator = entry.indexOf(':');
    const kid = separator > 0 ? entry.slice(0, separator) : '';
    if (!KID_PATTERN.test(kid)) {
      throw new AuthConfigError(
        `TOKEN_ENCRYPTION_KEYS entry ${index + 1}: expected kid:base64key with kid matching ${KID_PATTERN}`,
      );
    }
    const key = Buffer.from(entry.slice(separator + 1), 'base64');
    if (key.length !== KEY_BYTES) {
      throw new AuthConfigError(
        `TOKEN_ENCRYPTION_KEYS key "${kid}" decodes to ${key.length} bytes; AES-256 needs ${KEY_BYTES}`,
      );
    }
    return { kid, key };
  });
  return createKeyring(keys);
}

export function createKeyring(keys: readonly EncryptionKey[]): Keyring {
  const first = keys[0];
  if (!first) throw new AuthConfigError('a keyring needs at least one key');
  const byKid = new Map<string, EncryptionKey>();
  for (const key of keys) {
    if (byKid.has(key.kid)) throw new AuthConfigError(`duplicate encryption key id "${key.kid}"`);
    byKid.set(key.kid, key);
  }
  return { current: first, keys: [...keys], find: (kid) => byKid.get(kid) };
}

/**
 * One key per purpose (HKDF, RFC 5869): the login-flow cookie and the vault never share
 * raw key material, yet both rotate with the same TOKEN_ENCRYPTION_KEYS list.
 */
export function deriveKeyring(keyring: Keyring, purpose: string): Keyring {
  const derived = keyring.keys.map((key) => ({
    kid: key.kid,
    key: Buffer.from(
      hkdfSync('sha256', key.key, Buffer.alloc(0), `atom-auth:${purpose}`, KEY_BYTES),
    ),
  }));
  return createKeyring(derived);
}

/** A fresh `kid:base64key` entry for TOKEN_ENCRYPTION_KEYS (docs, demo mode, tests). */
export function generateEncryptionKeyEntry(kid: string): string {
  if (!KID_PATTERN.test(kid)) throw new AuthConfigError(`invalid key id "${kid}"`);
  return `${kid}:${randomBytes(KEY_BYTES).toString('base64')}`;
}
