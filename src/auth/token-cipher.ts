import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { TokenVaultError } from './auth-errors';
import type { Keyring } from './encryption-keys';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface Decrypted {
  plaintext: string;
  kid: string;
  /** Encrypted under an older key: the caller should re-encrypt with the current one. */
  stale: boolean;
}

/**
 * AES-256-GCM sealed string `v1.<kid>.<iv>.<tag>.<ciphertext>` (base64url parts).
 * `aad` binds the ciphertext to where it is stored: the same bytes under another record key
 * fail authentication instead of decrypting as someone else's token.
 */
export function seal(plaintext: string, aad: string, keyring: Keyring): string {
  const { kid, key } = keyring.current;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(`${VERSION}.${kid}.${aad}`, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, kid, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

export function open(sealed: string, aad: string, keyring: Keyring): Decrypted {
  const parts = sealed.split('.');
  const [version, kid, ivPart, tagPart, ciphertextPart] = parts;
  if (
    parts.length !== 5 ||
    version !== VERSION ||
    !kid ||
    !ivPart ||
    !tagPart ||
    ciphertextPart === undefined
  ) {
    throw new TokenVaultError('malformed', 'sealed value is not a v1 envelope');
  }
  const entry = keyring.find(kid);
  if (!entry) throw new TokenVaultError('unknown-key-id', `no encryption key with id "${kid}"`);
  const iv = Buffer.from(ivPart, 'base64url');
  const tag = Buffer.from(tagPart, 'base64url');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new TokenVaultError('malformed', 'sealed value has a bad iv or tag length');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', entry.key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(`${VERSION}.${kid}.${aad}`, 'utf8'));
    decipher.setAuthTag(tag);
    const plaintext = Buffer.concat([
      decipher.update(Buffer.from(ciphertextPart, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
    return { plaintext, kid, stale: kid !== keyring.current.kid };
  } catch {
    throw new TokenVaultError('tampered', 'sealed value failed authentication');
  }
}
