import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseFaults } from './admin.routes';
import { ApiUsage } from './api-usage';
import { Outage } from '../../http-kit/outage';

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
    expect(parseFaults(Buffer.from('{"offline":3000}'))).toEqual({ offline: 3000 });
    expect(parseFaults(Buffer.from('{"offline":-5}'))).toMatch(/offline must be a non-negative/);
    expect(parseFaults(Buffer.from('{"offline":1.5}'))).toMatch(/offline must be a non-negative/);
    expect(parseFaults(Buffer.from('{"offline":"3s"}'))).toMatch(/offline must be a non-negative/);
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
      // Counted by the server around each served REST call, not by admit().
      concurrency: { inFlight: 0, peak: 0 },
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

describe('Outage', () => {
  let now = 1_000;
  const socket = () => ({
    destroyed: false,
    destroy() {
      this.destroyed = true;
    },
  });
  const exchange = () => {
    const s = socket();
    let onClose: () => void = () => {};
    const req = { socket: s } as unknown as IncomingMessage;
    const res = {
      once: (_event: string, listener: () => void) => {
        onClose = listener;
      },
    } as unknown as ServerResponse;
    return { s, req, res, close: () => onClose() };
  };

  it('cuts the requests in flight when it begins and refuses new ones until it ends', () => {
    const begun: number[] = [];
    const outage = new Outage({ now: () => now, onBegin: () => begun.push(now) });
    const held = exchange();
    const done = exchange();
    expect(outage.refuse(held.req, held.res)).toBe(false);
    expect(outage.refuse(done.req, done.res)).toBe(false);
    done.close();

    outage.begin(3_000);
    expect(held.s.destroyed).toBe(true);
    // A socket whose request completed is idle: its next request is refused instead.
    expect(done.s.destroyed).toBe(false);
    expect(begun).toEqual([1_000]);
    expect(outage.remainingMs()).toBe(3_000);

    const during = exchange();
    expect(outage.refuse(during.req, during.res)).toBe(true);
    expect(during.s.destroyed).toBe(true);
    const upgrade = socket();
    expect(outage.refuseSocket(upgrade)).toBe(true);
    expect(upgrade.destroyed).toBe(true);

    now += 3_000;
    expect(outage.isOffline()).toBe(false);
    const after = exchange();
    expect(outage.refuse(after.req, after.res)).toBe(false);
    expect(after.s.destroyed).toBe(false);
    expect(outage.refuseSocket(socket())).toBe(false);
  });

  it('ends early on offline 0 or end(), without cutting anything', () => {
    const outage = new Outage({ now: () => now });
    outage.begin(10_000);
    const held = exchange();
    outage.begin(0);
    expect(outage.isOffline()).toBe(false);
    expect(outage.refuse(held.req, held.res)).toBe(false);
    outage.begin(0);
    expect(held.s.destroyed).toBe(false);
    outage.begin(10_000);
    outage.end();
    expect(outage.remainingMs()).toBe(0);
  });
});
