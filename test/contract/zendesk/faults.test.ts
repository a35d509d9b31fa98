import type { Ticket } from '../../../src/emulators/zendesk';
import {
  asRecord,
  rejection,
  responseOf,
  startZendeskTarget,
  type ZendeskTarget,
} from '../../helpers/zendesk-emulator';

// The knobs exist only on the emulator. What node-zendesk does with each answer is part of
// the contract: a response with Retry-After is *returned* (an Error as the result), a 503
// without it is thrown, a dropped socket rejects.
describe('Zendesk emulator: stats, reset and fault knobs (node-zendesk 6)', () => {
  let target: ZendeskTarget;

  beforeAll(async () => {
    target = await startZendeskTarget();
  });

  afterEach(async () => {
    await target.admin.reset();
  });

  it('/__emulator/stats counts exactly the API calls made, by endpoint; stats/reset zeroes them', async () => {
    await target.admin.resetStats();
    const client = target.client();
    await client.tickets.show(1);
    await client.tickets.showMany([1, 2]);
    await client.users.me();
    await client.search.query('type:ticket status:new');
    const stats = await target.admin.stats();
    expect(stats.total).toBe(4);
    expect(stats.byEndpoint).toEqual({
      'tickets.show': 1,
      'tickets.show_many': 1,
      'users.me': 1,
      search: 1,
    });
    expect(stats.byUser).toEqual({ 'admin@atom-demo.org': 4 });
    await target.admin.resetStats();
    expect((await target.admin.stats()).total).toBe(0);
  });

  it('rateLimited: a 429 with Retry-After, which node-zendesk returns (not throws) as an Error result', async () => {
    await target.admin.faults({ rateLimited: 1, retryAfterSeconds: 7 });
    const limited = await target.client().tickets.show(1);
    expect(responseOf(limited).status).toBe(429);
    expect(responseOf(limited).headers.get('retry-after')).toBe('7');
    expect(limited.result).toBeInstanceOf(Error);
    expect(limited.result).toMatchObject({
      statusCode: 429,
      message: 'Zendesk rate limits 200 requests per minute',
    });
    // The burst is one call long.
    const next = await target.client().tickets.show(1);
    expect(next.result).toMatchObject({ id: 1 });
    const stats = await target.admin.stats();
    expect(stats.refused.rateLimited).toBe(1);
  });

  it('rateLimited during getAll: the page list holds the Error and paging stops', async () => {
    await target.admin.faults({ rateLimited: 1 });
    const pages = await target.client().tickets.list();
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ statusCode: 429 });
  });

  it('the per-minute limit answers 429 with the seconds left in the minute', async () => {
    const limited = await startZendeskTarget({ rateLimitPerMinute: 2 });
    const client = limited.client();
    expect(responseOf(await client.tickets.show(1)).headers.get('x-rate-limit-remaining')).toBe(
      '1',
    );
    await client.tickets.show(2);
    const refused = await client.tickets.show(3);
    expect(responseOf(refused).status).toBe(429);
    expect(Number(responseOf(refused).headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(responseOf(refused).headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(responseOf(refused).headers.get('x-rate-limit')).toBe('2');
  });

  it('serverUnavailable: a burst of 503s that node-zendesk throws, then service resumes', async () => {
    await target.admin.faults({ serverUnavailable: 2 });
    const strict = target.client({ throwOriginalException: true });
    expect((await rejection(strict.tickets.show(1))).statusCode).toBe(503);
    await expect(target.client().tickets.show(1)).rejects.toThrow(
      'Zendesk Error (503): Service Unavailable',
    );
    expect(asRecord<Ticket>((await strict.tickets.show(1)).result).id).toBe(1);
    expect((await target.admin.stats()).refused.serverUnavailable).toBe(2);
  });

  it('latencyMs delays every API call', async () => {
    await target.admin.faults({ latencyMs: 250 });
    const started = Date.now();
    await target.client().tickets.show(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
  });

  it('offline: API calls fail at the socket while the admin API answers; offline 0 ends it', async () => {
    await target.admin.faults({ offline: 60_000 });
    await expect(target.client().tickets.show(1)).rejects.toThrow();
    expect((await target.admin.stats()).total).toBe(0);
    await target.admin.faults({ offline: 0 });
    expect(asRecord<Ticket>((await target.client().tickets.show(1)).result).id).toBe(1);
  });

  it('reset ends faults and restores the seed', async () => {
    await target.admin.faults({ serverUnavailable: 5, latencyMs: 1000, offline: 60_000 });
    await target.admin.reset();
    expect(asRecord<Ticket>((await target.client().tickets.show(1)).result).id).toBe(1);
    expect((await target.admin.stats()).total).toBe(1);
  });

  it('bad fault requests are refused with 400 and unknown admin paths with 404', async () => {
    expect((await target.admin.faults({ rateLimited: -1 })).status).toBe(400);
    expect((await target.admin.faults({ explode: true })).status).toBe(400);
    expect((await fetch(`${target.emulator.url}/__emulator/nothing`)).status).toBe(404);
    expect((await fetch(`${target.emulator.url}/__emulator/faults`)).status).toBe(405);
  });

  it('stop() closes the server: the client then fails to connect', async () => {
    const doomed = await startZendeskTarget();
    await doomed.emulator.stop();
    await expect(doomed.client().tickets.show(1)).rejects.toThrow();
  });
});
