import type QuickBooks from 'node-quickbooks';
import type { RunningQuickBooksEmulator } from '../../../src/emulators/quickbooks';
import {
  admin,
  call,
  connectQuickBooks,
  failure,
  faultOf,
  gatewayFaultOf,
  startQuickBooks,
  stats,
} from '../../helpers/quickbooks-target';

// The admin surface (`/__emulator/*`, plain fetch) and each fault knob as node-quickbooks
// sees it. node-quickbooks never retries, so every injected failure surfaces once.
describe('QuickBooks emulator admin surface and faults', () => {
  let emulator: RunningQuickBooksEmulator;
  let qbo: QuickBooks;
  const invoice = () => call<{ Id: string }>((cb) => qbo.getInvoice('1', cb as never));

  beforeAll(async () => {
    emulator = await startQuickBooks();
  });

  beforeEach(async () => {
    await admin(emulator, 'reset', {});
    qbo = await connectQuickBooks(emulator);
    await admin(emulator, 'stats/reset', {});
  });

  it('/__emulator/stats counts exactly the API calls, by endpoint (token requests apart)', async () => {
    await call((cb) => qbo.findInvoices({ CustomerRef: ['1000'] }, cb as never));
    await invoice();
    await call((cb) => qbo.getCustomer('1000', cb as never));
    await call((cb) => qbo.refreshAccessToken(cb as never));
    expect(await stats(emulator)).toEqual({
      total: 3,
      byEndpoint: { query: 1, invoice: 1, customer: 1 },
      oauth: { refresh_token: 1 },
    });
    const reset = await admin(emulator, 'stats/reset', {});
    expect(reset.json).toEqual({ total: 0, byEndpoint: {}, oauth: {} });
  });

  it('serverUnavailable: the next N calls are 503 SystemFault, then service resumes', async () => {
    const knobs = await admin(emulator, 'faults', { serverUnavailable: 2 });
    expect(knobs.json).toMatchObject({ serverUnavailable: 2 });
    for (let i = 0; i < 2; i++) {
      const fault = faultOf(await failure(invoice()));
      expect(fault).toMatchObject({ status: 503, type: 'SystemFault' });
      expect(fault.error.code).toBe('10000');
    }
    expect((await invoice()).Id).toBe('1');
    expect((await stats(emulator)).total).toBe(1);
  });

  it('rateLimited: 429 ThrottleExceeded with Retry-After', async () => {
    await admin(emulator, 'faults', { rateLimited: 1, retryAfterSeconds: 7 });
    const err = await failure(invoice());
    expect(err.response?.headers['retry-after']).toBe('7');
    const fault = gatewayFaultOf(err);
    expect(fault).toMatchObject({ status: 429, type: 'SERVICE' });
    expect(fault.error).toMatchObject({
      message: 'message=ThrottleExceeded; errorCode=003001; statusCode=429',
      code: '3001',
    });
    expect((await invoice()).Id).toBe('1');
  });

  it('latencyMs holds a call; offline cuts it and every new call until it ends', async () => {
    await admin(emulator, 'faults', { latencyMs: 60_000 });
    const held = failure(invoice());
    // The call is counted before it waits, so this sees it in flight.
    while ((await stats(emulator)).total === 0) await new Promise((r) => setImmediate(r));
    const knobs = await admin(emulator, 'faults', { offline: 60_000, latencyMs: 0 });
    expect(knobs.json.offlineMs).toBeGreaterThan(0);
    expect((await held).code).toBe('ECONNRESET');
    expect((await failure(invoice())).code).toBe('ECONNRESET');
    await admin(emulator, 'faults', { offline: 0 });
    expect((await invoice()).Id).toBe('1');
  });

  it('reset returns to the seed: faults cleared and issued access tokens gone', async () => {
    await admin(emulator, 'faults', { serverUnavailable: 5, latencyMs: 10 });
    const reset = await admin(emulator, 'reset', {});
    expect(reset.status).toBe(200);
    expect((await admin(emulator, 'faults', {})).json).toMatchObject({
      serverUnavailable: 0,
      latencyMs: 0,
      rateLimited: 0,
      offlineMs: 0,
    });
    expect((await failure(invoice())).response?.status).toBe(401);
    qbo = await connectQuickBooks(emulator);
    expect((await invoice()).Id).toBe('1');
  });

  it('rejects bad admin input: 400 for bad faults, 404/405 for unknown routes', async () => {
    expect(await admin(emulator, 'faults', { latencyMs: -1 })).toEqual({
      status: 400,
      json: { error: 'latencyMs must be a non-negative integer' },
    });
    expect((await admin(emulator, 'faults', { meteor: 1 })).status).toBe(400);
    expect((await admin(emulator, 'nothing')).status).toBe(404);
    expect((await admin(emulator, 'reset')).status).toBe(405);
  });
});
