import type { Ticket } from '../../../src/emulators/zendesk';
import {
  asList,
  recordBodies,
  rejection,
  organizationsByTickets,
  startZendeskTarget,
  type ZendeskTarget,
} from '../../helpers/zendesk-emulator';

type Hit = Ticket & { result_type: string; url: string };
interface SearchBody {
  results: Hit[];
  facets: null;
  next_page: string | null;
  previous_page: string | null;
  count: number;
}

const UNSOLVED = ['new', 'open', 'pending', 'hold'];

// GET /search.json?query=...: offset pages of at most 100 and at most 1,000 results per query.
describe('Zendesk emulator: search (node-zendesk 6)', () => {
  let target: ZendeskTarget;
  let orgIds: number[];

  beforeAll(async () => {
    target = await startZendeskTarget();
    // Three organizations with tickets, the busiest one included (more than one page of matches).
    orgIds = organizationsByTickets(target.emulator).slice(0, 3);
  });

  const tickets = () => target.emulator.store.tickets();

  it('several organization: terms are OR’ed and AND’ed with status<solved', async () => {
    const query = `type:ticket ${orgIds.map((id) => `organization:${id}`).join(' ')} status<solved`;
    const expected = tickets().filter(
      (t) => orgIds.includes(t.organization_id ?? -1) && UNSOLVED.includes(t.status),
    );
    const client = target.client();
    const bodies = recordBodies(client.search) as SearchBody[];
    const results = asList<Hit>(await client.search.queryAll(query));
    expect(results.map((t) => t.id).sort((a, b) => a - b)).toEqual(expected.map((t) => t.id));
    expect(new Set(results.map((t) => t.organization_id)).size).toBe(orgIds.length);
    expect(results.every((r) => r.result_type === 'ticket' && typeof r.url === 'string')).toBe(
      true,
    );
    expect((bodies[0] as SearchBody).count).toBe(expected.length);
    expect((bodies[0] as SearchBody).facets).toBeNull();
  });

  it('query returns one page: results, count and next_page under the endpointUri', async () => {
    const client = target.client();
    const bodies = recordBodies(client.search) as SearchBody[];
    const page = await client.search.query('type:ticket status:open');
    const open = tickets().filter((t) => t.status === 'open');
    expect(open.length).toBeGreaterThan(100);
    expect(page.result).toHaveLength(100);
    const body = bodies[0] as SearchBody;
    expect(body.count).toBe(open.length);
    expect(body.previous_page).toBeNull();
    expect(body.next_page).toContain(
      `${target.emulator.apiUrl}/search.json?page=2&per_page=100&query=`,
    );
  });

  it('queryAll follows next_page to the last page', async () => {
    await target.admin.resetStats();
    const all = asList<Hit>(await target.client().search.queryAll('type:ticket status:open'));
    const open = tickets().filter((t) => t.status === 'open');
    expect(all.map((t) => t.id)).toEqual(open.map((t) => t.id));
    expect((await target.admin.stats()).byEndpoint.search).toBe(Math.ceil(open.length / 100));
  });

  it('priority, requester (email), tags, negation and sort_by/sort_order', async () => {
    const urgent = await target
      .client()
      .search.queryAll('type:ticket priority:urgent status<solved');
    expect(urgent.length).toBeGreaterThan(0);
    expect(urgent.every((t) => t.priority === 'urgent' && UNSOLVED.includes(t.status))).toBe(true);

    const sample = tickets()[10] as Ticket;
    const requester = target.emulator.store.user(sample.requester_id);
    const mine = asList<Hit>(
      await target.client().search.queryAll(`type:ticket requester:${requester?.email}`),
    );
    expect(mine.map((t) => t.id)).toEqual(
      tickets()
        .filter((t) => t.requester_id === sample.requester_id)
        .map((t) => t.id),
    );

    const billing = asList<Hit>(
      await target.client().search.queryAll('type:ticket tags:billing -status:closed'),
    );
    expect(billing.every((t) => t.tags.includes('billing') && t.status !== 'closed')).toBe(true);

    const client = target.client({ query: { sort_by: 'created_at', sort_order: 'asc' } });
    const sorted = asList<Hit>(
      await client.search.queryAll(`type:ticket organization:${orgIds[1]}`),
    );
    const created = sorted.map((t) => t.created_at);
    expect(created).toEqual([...created].sort());
  });

  it('type:user and type:organization searches', async () => {
    const org = target.emulator.store.organizations().find((o) => o.external_id !== null);
    const orgs = asList<Hit>(
      await target.client().search.queryAll(`type:organization external_id:${org?.external_id}`),
    );
    expect(orgs).toEqual([expect.objectContaining({ id: org?.id, result_type: 'organization' })]);
    const user = target.emulator.store.users().find((u) => u.role === 'end-user');
    const users = asList<Hit>(
      await target.client().search.queryAll(`type:user email:${user?.email}`),
    );
    expect(users).toEqual([expect.objectContaining({ id: user?.id, result_type: 'user' })]);
  });

  it('at most 1,000 results: count is every match, page 10 still links to page 11, which is 422', async () => {
    expect(tickets().length).toBeGreaterThan(1000);
    const client = target.client({ throwOriginalException: true });
    const bodies = recordBodies(client.search) as SearchBody[];
    // queryAll follows next_page into the 422: node-zendesk does not stop at the cap.
    const error = await rejection(client.search.queryAll('type:ticket'));
    expect(error.statusCode).toBe(422);
    expect(error.result).toEqual({
      error: 'invalid',
      description:
        'Invalid search: Requested response size was greater than Search Response Limits',
    });
    // Ten pages of results, then the body of the refused eleventh.
    expect(bodies).toHaveLength(11);
    const pages = bodies.slice(0, 10) as SearchBody[];
    expect((pages[9] as SearchBody).count).toBe(tickets().length);
    expect((pages[9] as SearchBody).next_page).toContain('page=11');
    expect(pages.flatMap((b) => b.results)).toHaveLength(1000);
  });

  it('smaller pages stop at the same cap: per_page=50 makes page 21 the first refused one', async () => {
    const ok = target.client({ query: { per_page: 50, page: 20 } });
    expect((await ok.search.query('type:ticket')).result).toHaveLength(50);
    const over = target.client({ query: { per_page: 50, page: 21 }, throwOriginalException: true });
    expect((await rejection(over.search.query('type:ticket'))).statusCode).toBe(422);
  });

  it('search refuses cursor pagination (page[size]) with 400 Invalid attribute', async () => {
    const client = target.client({ query: { 'page[size]': 10 }, throwOriginalException: true });
    const error = await rejection(client.search.query('type:ticket'));
    expect(error.statusCode).toBe(400);
    expect(error.result).toEqual({
      error: {
        title: 'Invalid attribute',
        message:
          'You passed an invalid value for the page attribute. Invalid parameter: page must be an integer from api/v2/search/index',
      },
    });
  });

  it('showResultsCount counts every match', async () => {
    const { result } = await target.client().search.showResultsCount('type:ticket status:open');
    expect(result).toEqual({ count: tickets().filter((t) => t.status === 'open').length });
  });
});
