import type { Viewer } from '../../auth/viewer';
import { rateLimitKey } from './client-key';

const base = { orgId: '00D000000000001AAA', username: 'u@example.org', cacheScope: 'scope' };
const user: Viewer = { ...base, userId: '005000000000001AAA', mode: 'user' };
const integration: Viewer = { ...base, userId: '005000000000009AAA', mode: 'integration' };
const demo: Viewer = { ...base, userId: '005000000000009AAA', mode: 'demo' };

describe('rateLimitKey', () => {
  it('is the Salesforce user in user mode, whatever the address', () => {
    expect(rateLimitKey(user, '10.0.0.1')).toBe('user:00D000000000001AAA:005000000000001AAA');
    expect(rateLimitKey(user, '10.0.0.2')).toBe(rateLimitKey(user, '10.0.0.1'));
  });

  it('is the API key in integration mode: each key has its own budget', () => {
    expect(rateLimitKey({ ...integration, apiKeyName: 'billing-sync' }, '10.0.0.1')).toBe(
      'api-key:billing-sync',
    );
    expect(rateLimitKey({ ...integration, apiKeyName: 'reporting' }, '10.0.0.1')).toBe(
      'api-key:reporting',
    );
  });

  it('is the peer address in demo mode, IPv4-mapped addresses folded', () => {
    expect(rateLimitKey(demo, '127.0.0.2')).toBe('address:127.0.0.2');
    expect(rateLimitKey(demo, '::ffff:127.0.0.2')).toBe('address:127.0.0.2');
    expect(rateLimitKey(demo, '::1')).toBe('address:::1');
    expect(rateLimitKey(demo, undefined)).toBe('address:unknown');
  });
});
