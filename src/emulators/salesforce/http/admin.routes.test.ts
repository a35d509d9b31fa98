import { parseFaults } from './admin.routes';
import { ApiUsage } from './api-usage';

describe('fault settings', () => {
  it('accepts the documented knobs and rejects anything else', () => {
    expect(
      parseFaults(
        Buffer.from(
          '{"serverUnavailable":2,"expireSessions":true,"exhaustLimit":false,"latencyMs":5}',
        ),
      ),
    ).toEqual({
      serverUnavailable: 2,
      expireSessions: true,
      exhaustLimit: false,
      latencyMs: 5,
    });
    expect(parseFaults(Buffer.from('{"serverUnavailable":-1}'))).toMatch(/non-negative/);
    expect(parseFaults(Buffer.from('{"expireSessions":"yes"}'))).toMatch(/boolean/);
    expect(parseFaults(Buffer.from('{"boom":1}'))).toMatch(/unknown fault/);
    expect(parseFaults(Buffer.from('[1]'))).toMatch(/object/);
    expect(parseFaults(Buffer.from('{'))).toMatch(/JSON/);
  });
});

describe('ApiUsage', () => {
  let now = 0;
  const make = () => new ApiUsage({ dailyApiLimit: 2, latencyMs: 0, clock: () => new Date(now) });

  it('counts calls by endpoint and user and enforces the daily limit', () => {
    const usage = make();
    usage.record('query', 'a@x');
    usage.record('create', 'a@x');
    expect(usage.admit()).toBe('limit-exceeded');
    expect(usage.limitInfoHeader()).toBe('api-usage=2/2');
    expect(usage.stats()).toEqual({
      total: 2,
      byEndpoint: { query: 1, create: 1 },
      byUser: { 'a@x': 2 },
      limit: { used: 2, max: 2 },
      oauth: {},
    });
    now += 24 * 60 * 60 * 1000;
    expect(usage.admit()).toBe('ok');
  });

  it('counts token grants apart from API calls, until the stats reset', () => {
    const usage = make();
    usage.recordOAuthGrant('refresh_token');
    usage.recordOAuthGrant('refresh_token');
    usage.recordOAuthGrant('authorization_code');
    expect(usage.stats()).toMatchObject({
      total: 0,
      oauth: { refresh_token: 2, authorization_code: 1 },
    });
    usage.resetStats();
    expect(usage.stats().oauth).toEqual({});
  });

  it('serves a 503 burst one call at a time and can exhaust the limit', () => {
    const usage = make();
    usage.applyFaults({ serverUnavailable: 2 });
    expect([usage.admit(), usage.admit(), usage.admit()]).toEqual([
      'server-unavailable',
      'server-unavailable',
      'ok',
    ]);
    usage.applyFaults({ exhaustLimit: true });
    expect(usage.admit()).toBe('limit-exceeded');
    usage.resetAll();
    expect(usage.admit()).toBe('ok');
    expect(usage.stats().total).toBe(0);
  });
});
