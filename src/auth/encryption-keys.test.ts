import { randomBytes } from 'node:crypto';
import { AuthConfigError } from './auth-errors';
import { deriveKeyring, generateEncryptionKeyEntry, parseEncryptionKeys } from './encryption-keys';

const key = (): string => randomBytes(32).toString('base64');

describe('parseEncryptionKeys', () => {
  it('takes the first entry as the current key and keeps the others for decryption', () => {
    const keyring = parseEncryptionKeys(`k2:${key()}, k1:${key()}`);
    expect(keyring.current.kid).toBe('k2');
    expect(keyring.keys.map((k) => k.kid)).toEqual(['k2', 'k1']);
    expect(keyring.find('k1')?.key).toHaveLength(32);
    expect(keyring.find('k3')).toBeUndefined();
  });

  it('accepts what generateEncryptionKeyEntry prints', () => {
    expect(parseEncryptionKeys(generateEncryptionKeyEntry('2025-01')).current.kid).toBe('2025-01');
  });

  it.each([
    ['empty', ''],
    ['no kid', `:${key()}`],
    ['no separator', key()],
    ['short key', `k1:${randomBytes(16).toString('base64')}`],
    ['bad kid characters', `k 1:${key()}`],
  ])('rejects %s', (_label, raw) => {
    expect(() => parseEncryptionKeys(raw)).toThrow(AuthConfigError);
  });

  it('rejects duplicate key ids', () => {
    expect(() => parseEncryptionKeys(`k1:${key()},k1:${key()}`)).toThrow(/duplicate/);
  });
});

describe('deriveKeyring', () => {
  it('keeps key ids but never reuses the raw key material', () => {
    const keyring = parseEncryptionKeys(`k2:${key()},k1:${key()}`);
    const derived = deriveKeyring(keyring, 'login-flow');
    expect(derived.keys.map((k) => k.kid)).toEqual(['k2', 'k1']);
    expect(derived.current.key.equals(keyring.current.key)).toBe(false);
    expect(deriveKeyring(keyring, 'login-flow').current.key.equals(derived.current.key)).toBe(true);
    expect(deriveKeyring(keyring, 'other').current.key.equals(derived.current.key)).toBe(false);
  });
});
