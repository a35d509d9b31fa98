import { randomBytes } from 'node:crypto';
import { Keyv } from 'keyv';
import { TokenVaultError } from './auth-errors';
import { createAuthStore, type AuthStore } from './auth-store';
import { parseEncryptionKeys } from './encryption-keys';
import { open, seal } from './token-cipher';
import { TokenVault, vaultKeyFor, type SalesforceTokens } from './token-vault';

const entry = (kid: string): string => `${kid}:${randomBytes(32).toString('base64')}`;
const tokens: SalesforceTokens = {
  accessToken: '00Dxx0000001gPL!AQ4AQ.access-secret',
  refreshToken: '5Aep861-refresh-secret',
  instanceUrl: 'http://127.0.0.1:1234',
  identityUrl: 'http://127.0.0.1:1234/id/00Dxx0000001gPLEAY/005xx000001Sv6eAAC',
  issuedAt: 1_700_000_000_000,
};

describe('token cipher', () => {
  const keyring = parseEncryptionKeys(entry('k1'));

  it('round-trips and labels the envelope with the key id', () => {
    const sealed = seal('secret', 'aad', keyring);
    expect(sealed.startsWith('v1.k1.')).toBe(true);
    expect(sealed).not.toContain('secret');
    expect(open(sealed, 'aad', keyring)).toEqual({ plaintext: 'secret', kid: 'k1', stale: false });
  });

  it('fails closed on a flipped ciphertext byte', () => {
    const parts = seal('secret', 'aad', keyring).split('.');
    const ciphertext = Buffer.from(parts[4] ?? '', 'base64url');
    ciphertext[0] = (ciphertext[0] ?? 0) ^ 1;
    parts[4] = ciphertext.toString('base64url');
    expect(() => open(parts.join('.'), 'aad', keyring)).toThrow(
      expect.objectContaining({ name: 'TokenVaultError', reason: 'tampered' }),
    );
  });

  it('fails closed on a relabelled key id, an unknown key id, and garbage', () => {
    const other = parseEncryptionKeys(`k9:${randomBytes(32).toString('base64')},${entry('k1')}`);
    const sealed = seal('secret', 'aad', keyring);
    expect(() => open(sealed.replace('v1.k1.', 'v1.k9.'), 'aad', other)).toThrow(TokenVaultError);
    expect(() => open(sealed.replace('v1.k1.', 'v1.k7.'), 'aad', keyring)).toThrow(
      expect.objectContaining({ reason: 'unknown-key-id' }),
    );
    expect(() => open('not-an-envelope', 'aad', keyring)).toThrow(
      expect.objectContaining({ reason: 'malformed' }),
    );
  });
});

describe.each([
  ['memory', undefined],
  ['redis', 'redis://127.0.0.1:6379'],
])('TokenVault on %s', (_label, redisUrl) => {
  let store: AuthStore;

  beforeAll(async () => {
    store = await createAuthStore({
      redisUrl,
      namespace: `test-vault-${randomBytes(6).toString('hex')}`,
    });
  });
  afterAll(async () => {
    await store.clear();
    await store.close();
  });

  it('stores tokens sealed and returns them in the clear', async () => {
    const vault = new TokenVault(store.vault, parseEncryptionKeys(entry('k1')));
    const key = vaultKeyFor('00Dxx0000001gPL', '005xx000001Sv6e');
    await vault.put(key, tokens);
    const raw = JSON.stringify(await store.vault.get(key));
    expect(raw).not.toContain(tokens.accessToken);
    expect(raw).not.toContain(tokens.refreshToken);
    expect(await vault.get(key)).toEqual(tokens);
    await vault.delete(key);
    expect(await vault.get(key)).toBeUndefined();
  });

  it("refuses a ciphertext moved to another user's key", async () => {
    const vault = new TokenVault(store.vault, parseEncryptionKeys(entry('k1')));
    const victim = vaultKeyFor('00Dxx0000001gPL', '005xx000001Sv6e');
    const attacker = vaultKeyFor('00Dxx0000001gPL', '005xx000001AAAA');
    await vault.put(victim, tokens);
    await store.vault.set(attacker, await store.vault.get(victim));
    await expect(vault.get(attacker)).rejects.toMatchObject({
      name: 'TokenVaultError',
      reason: 'tampered',
    });
  });

  it('refuses the access ciphertext swapped into the refresh slot', async () => {
    const vault = new TokenVault(store.vault, parseEncryptionKeys(entry('k1')));
    const key = vaultKeyFor('00Dxx0000001gPL', '005xx000001Swap');
    await vault.put(key, tokens);
    const record = (await store.vault.get(key)) as Record<string, unknown>;
    await store.vault.set(key, { ...record, refreshToken: record.accessToken });
    await expect(vault.get(key)).rejects.toBeInstanceOf(TokenVaultError);
  });

  it('decrypts under an old key and re-seals with the newest on read', async () => {
    const oldEntry = entry('k1');
    const key = vaultKeyFor('00Dxx0000001gPL', '005xx000001Rot8');
    await new TokenVault(store.vault, parseEncryptionKeys(oldEntry)).put(key, tokens);
    const newEntry = entry('k2');
    const rotated = new TokenVault(store.vault, parseEncryptionKeys(`${newEntry},${oldEntry}`));
    expect(await rotated.get(key)).toEqual(tokens);
    const record = (await store.vault.get(key)) as Record<string, string>;
    expect(record.accessToken?.startsWith('v1.k2.')).toBe(true);
    expect(record.refreshToken?.startsWith('v1.k2.')).toBe(true);
    // Once the old key is retired, the re-sealed record still opens.
    const retired = new TokenVault(store.vault, parseEncryptionKeys(newEntry));
    expect(await retired.get(key)).toEqual(tokens);
  });

  it('fails closed when the key that sealed a record is gone', async () => {
    const key = vaultKeyFor('00Dxx0000001gPL', '005xx000001Gone');
    await new TokenVault(store.vault, parseEncryptionKeys(entry('k1'))).put(key, tokens);
    const other = new TokenVault(store.vault, parseEncryptionKeys(entry('k5')));
    await expect(other.get(key)).rejects.toMatchObject({ reason: 'unknown-key-id' });
  });
});

describe('TokenVault store isolation', () => {
  it('treats a non-record value as absent and removes it', async () => {
    const keyv = new Keyv();
    const vault = new TokenVault(keyv, parseEncryptionKeys(entry('k1')));
    await keyv.set('sf:x:y', { accessToken: 42 });
    expect(await vault.get('sf:x:y')).toBeUndefined();
    expect(await keyv.get('sf:x:y')).toBeUndefined();
  });
});
