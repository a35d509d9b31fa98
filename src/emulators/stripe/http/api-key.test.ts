import { apiKeyOf } from './api-key';

describe('apiKeyOf', () => {
  it('reads a Bearer key (stripe-node) and a Basic user name (curl -u sk_...:)', () => {
    expect(apiKeyOf('Bearer sk_test_abc')).toBe('sk_test_abc');
    const basic = Buffer.from('sk_test_abc:').toString('base64');
    expect(apiKeyOf(`Basic ${basic}`)).toBe('sk_test_abc');
  });

  it('finds no key in a missing, empty or other header', () => {
    expect(apiKeyOf(undefined)).toBeUndefined();
    expect(apiKeyOf('Bearer ')).toBeUndefined();
    expect(apiKeyOf(`Basic ${Buffer.from(':secret').toString('base64')}`)).toBeUndefined();
    expect(apiKeyOf('Token sk_test_abc')).toBeUndefined();
  });
});
