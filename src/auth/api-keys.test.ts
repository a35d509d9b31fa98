import { AuthConfigError } from './auth-errors';
import { ApiKeyVerifier, generateApiKey, hashApiKey, parseApiKeys } from './api-keys';

const pepper = 'p'.repeat(40);

describe('API keys', () => {
  const billingKey = generateApiKey();
  const reportingKey = generateApiKey();
  const verifier = new ApiKeyVerifier(
    parseApiKeys(
      `billing:${hashApiKey(billingKey, pepper)}, reporting:${hashApiKey(reportingKey, pepper)}`,
    ),
    pepper,
  );

  it('identifies the entry a valid key belongs to', () => {
    expect(verifier.verify(billingKey)).toEqual({ name: 'billing' });
    expect(verifier.verify(reportingKey)).toEqual({ name: 'reporting' });
  });

  it('rejects unknown, altered, empty and oversized keys', () => {
    expect(verifier.verify(generateApiKey())).toBeUndefined();
    expect(verifier.verify(`${billingKey}x`)).toBeUndefined();
    expect(verifier.verify('')).toBeUndefined();
    expect(verifier.verify(undefined)).toBeUndefined();
    expect(verifier.verify('a'.repeat(1000))).toBeUndefined();
  });

  it('depends on the pepper: the same key under another pepper does not match', () => {
    const other = new ApiKeyVerifier(
      parseApiKeys(`billing:${hashApiKey(billingKey, 'q'.repeat(40))}`),
      pepper,
    );
    expect(other.verify(billingKey)).toBeUndefined();
  });

  it('stores no key in the clear', () => {
    expect(hashApiKey(billingKey, pepper)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiKey(billingKey, pepper)).not.toContain(billingKey);
  });

  it.each([
    ['a plain key instead of a hash', `billing:${billingKey}`],
    ['a missing name', `:${'a'.repeat(64)}`],
    ['an extra field', `billing:${'a'.repeat(64)}:x`],
    ['duplicate names', `a:${'a'.repeat(64)},a:${'b'.repeat(64)}`],
  ])('rejects a config with %s', (_label, raw) => {
    expect(() => parseApiKeys(raw)).toThrow(AuthConfigError);
  });

  it('requires a long pepper', () => {
    expect(() => new ApiKeyVerifier([], 'short')).toThrow(AuthConfigError);
  });
});
