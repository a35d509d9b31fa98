import type { Ticket } from '../../../src/emulators/zendesk';
import {
  asList,
  recordBodies,
  rejection,
  responseOf,
  organizationsByTickets,
  startZendeskTarget,
  type ZendeskTarget,
} from '../../helpers/zendesk-emulator';

type Hit = Ticket & { result_type: string; url: string };
interface ExportBody {
  results: Hit[];
  facets: null;
  meta: { has_more: boolean; after_cursor: string | null; before_cursor: null };
  links: { prev: null; next: string | null };
}

const byCreation = (a: Ticket, b: Ticket) =>
  a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.id - b.id;

// GET /search/export?query=&filter[type]=: the search language, one result type, cursor pages of
// up to 1,000 and no cap on the results in total. node-zendesk's `search.exportResults` walks
// `links.next` to the end.
describe('Zendesk emulator: search export (node-zendesk 6)', () => {
  let target: ZendeskTarget;

  beforeAll(async () => {
    target = await startZendeskTarget();
  });

  const tickets = () => target.emulator.store.tickets();

  it('exports every match past 1,000, in created_at order, following links.next', async () => {
    expect(tickets().length).toBeGreaterThan(1000);
    await target.admin.resetStats();
    const client = target.client();
    const bodies = recordBodies(client.search) as ExportBody[];
    // Every status OR'ed: every ticket.
    const query = ['new', 'open', 'pending', 'hold', 'solved', 'closed']
      .map((s) => `status:${s}`)
      .join(' ');
    const all = asList<Hit>(await client.search.exportResults(query, 'ticket', 1000));
    const expected = [...tickets()].sort(byCreation);
    expect(expected.length).toBeGreaterThan(1000);
    expect(all.map((t) => t.id)).toEqual(expected.map((t) => t.id));
    expect(all.every((t) => t.result_type === 'ticket' && typeof t.url === 'string')).toBe(true);
    const pages = Math.ceil(expected.length / 1000);
    expect(bodies).toHaveLength(pages);
    const first = bodies[0] as ExportBody;
    expect(first.results).toHaveLength(1000);
    expect(first).not.toHaveProperty('count');
    expect(first.meta.has_more).toBe(true);
    expect(first.links.prev).toBeNull();
    expect(first.links.next).toContain(`${target.emulator.apiUrl}/search/export.json?`);
    expect(new URL(first.links.next as string).searchParams.get('page[after]')).toBe(
      first.meta.after_cursor,
    );
    const last = bodies[pages - 1] as ExportBody;
    expect(last.meta.has_more).toBe(false);
    expect(last.links.next).toBeNull();
    expect((await target.admin.stats()).byEndpoint).toEqual({ 'search.export': pages });
  });

  it('OR’s organization: terms like /search, and the default page holds 100', async () => {
    const orgIds = organizationsByTickets(target.emulator).slice(0, 3);
    const query = orgIds.map((id) => `organization:${id}`).join(' ');
    const expected = tickets()
      .filter((t) => orgIds.includes(t.organization_id ?? -1))
      .sort(byCreation);
    expect(expected.length).toBeGreaterThan(100);
    await target.admin.resetStats();
    const client = target.client();
    const bodies = recordBodies(client.search) as ExportBody[];
    const all = asList<Hit>(await client.search.exportResults(query, 'ticket'));
    expect(all.map((t) => t.id)).toEqual(expected.map((t) => t.id));
    expect((bodies[0] as ExportBody).results).toHaveLength(100);
    expect((await target.admin.stats()).byEndpoint).toEqual({
      'search.export': Math.ceil(expected.length / 100),
    });
  });

  it('filter[type]=user exports users', async () => {
    const user = target.emulator.store.users().find((u) => u.role === 'end-user');
    const users = asList<Hit>(
      await target.client().search.exportResults(`email:${user?.email}`, 'user'),
    );
    expect(users).toEqual([expect.objectContaining({ id: user?.id, result_type: 'user' })]);
  });

  it('refuses a missing or unknown filter[type], type: in the query and page[size] over 1,000', async () => {
    const strict = target.client({ throwOriginalException: true });
    // exportResults always sends filter[type]: without it, through the client's raw request.
    const missing = await strict.search._rawRequest('GET', [
      'search',
      'export',
      { query: 'status:open' },
    ]);
    expect(responseOf(missing).status).toBe(400);
    expect(JSON.stringify(missing.result)).toContain('filter[type]');
    expect((await rejection(strict.search.exportResults('status:open', 'widget'))).statusCode).toBe(
      400,
    );
    expect(
      (await rejection(strict.search.exportResults('type:ticket status:open', 'ticket')))
        .statusCode,
    ).toBe(400);
    const tooBig = await rejection(strict.search.exportResults('status:open', 'ticket', 1001));
    expect(tooBig.statusCode).toBe(400);
    expect(JSON.stringify(tooBig.result)).toContain('less than or equal to 1000');
    const badCursor = await strict.search._rawRequest('GET', [
      'search',
      'export',
      { query: 'status:open', 'filter[type]': 'ticket', 'page[after]': 'nope' },
    ]);
    expect(responseOf(badCursor).status).toBe(400);
  });

  it('fault knobs apply: a 503 burst is thrown, latency delays the call', async () => {
    const strict = target.client({ throwOriginalException: true });
    await target.admin.faults({ serverUnavailable: 1 });
    expect((await rejection(strict.search.exportResults('status:open', 'ticket'))).statusCode).toBe(
      503,
    );
    await target.admin.faults({ latencyMs: 200 });
    const started = Date.now();
    await strict.search.exportResults('status:open', 'ticket', 1000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    await target.admin.reset();
  });
});
