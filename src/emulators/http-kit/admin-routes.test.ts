import { createAdminHandler } from './admin-routes';
import { jsonReply } from './http-io';
import { parseFaultRequest } from './fault-request';

describe('parseFaultRequest', () => {
  const knobs = { integers: ['latencyMs', 'offline'], booleans: ['expire'] } as const;

  it('keeps the knobs it knows, by type', () => {
    expect(parseFaultRequest(Buffer.from('{"latencyMs":5,"expire":true}'), knobs)).toEqual({
      latencyMs: 5,
      expire: true,
    });
    expect(parseFaultRequest(Buffer.from(''), knobs)).toEqual({});
  });

  it('says why a body is refused', () => {
    const reason = (text: string) => parseFaultRequest(Buffer.from(text), knobs);
    expect(reason('{')).toBe('body must be JSON');
    expect(reason('[1]')).toBe('body must be a JSON object');
    expect(reason('{"offline":1.5}')).toBe('offline must be a non-negative integer');
    expect(reason('{"latencyMs":-1}')).toBe('latencyMs must be a non-negative integer');
    expect(reason('{"expire":1}')).toBe('expire must be a boolean');
    expect(reason('{"boom":1}')).toBe('unknown fault boom');
  });
});

describe('createAdminHandler', () => {
  const calls: string[] = [];
  let latency = 0;
  const handle = createAdminHandler({
    json: jsonReply,
    counters: { stats: () => ({ latency }), resetStats: () => calls.push('resetStats') },
    reset: (query) => calls.push(`reset ${query.toString()}`),
    faultKnobs: { integers: ['latencyMs'] },
    applyFaults: (faults) => {
      latency = faults.latencyMs ?? latency;
      return { latencyMs: latency };
    },
    extraRoutes: { 'GET /__emulator/log': () => ({ calls }) },
  });
  const body = (text = '') => Buffer.from(text);
  const parsed = (reply: { body?: string }) => JSON.parse(reply.body ?? '') as unknown;

  it('serves stats, both resets, faults and the extra routes', () => {
    const faults = handle('POST', '/__emulator/faults', body('{"latencyMs":7}'));
    expect([faults.status, parsed(faults)]).toEqual([200, { latencyMs: 7 }]);
    expect(parsed(handle('GET', '/__emulator/stats/', body()))).toEqual({ latency: 7 });
    handle('POST', '/__emulator/stats/reset', body());
    handle('POST', '/__emulator/reset', body(), new URLSearchParams('sessions=1'));
    expect(parsed(handle('GET', '/__emulator/log', body()))).toEqual({
      calls: ['resetStats', 'reset sessions=1'],
    });
  });

  it('answers 400, 405 and 404 with an error', () => {
    const bad = handle('POST', '/__emulator/faults', body('{"latencyMs":"x"}'));
    expect([bad.status, parsed(bad)]).toEqual([
      400,
      { error: 'latencyMs must be a non-negative integer' },
    ]);
    expect(handle('DELETE', '/__emulator/stats', body()).status).toBe(405);
    expect(handle('POST', '/__emulator/log', body()).status).toBe(405);
    const missing = handle('GET', '/__emulator/nope', body());
    expect([missing.status, parsed(missing)]).toEqual([
      404,
      { error: 'no admin resource at /__emulator/nope' },
    ]);
  });
});

describe('createAdminHandler with an outage', () => {
  it('takes the offline knob itself, reports offlineMs last and ends the outage on reset', () => {
    let offlineFor = 0;
    const seen: object[] = [];
    const handle = createAdminHandler({
      json: jsonReply,
      counters: { stats: () => ({}), resetStats: () => undefined },
      reset: () => undefined,
      faultKnobs: { integers: ['latencyMs', 'offline'] },
      applyFaults: (faults) => {
        seen.push(faults);
        return { latencyMs: faults.latencyMs ?? 0 };
      },
      outage: {
        begin: (ms) => (offlineFor = ms),
        end: () => (offlineFor = 0),
        remainingMs: () => offlineFor,
      },
    });
    const reply = handle(
      'POST',
      '/__emulator/faults',
      Buffer.from('{"offline":500,"latencyMs":3}'),
    );
    expect(reply.body).toBe('{"latencyMs":3,"offlineMs":500}');
    expect(seen).toEqual([{ latencyMs: 3 }]);
    handle('POST', '/__emulator/reset', Buffer.from(''));
    expect(offlineFor).toBe(0);
  });
});
