import type { Organization, Ticket } from '../../../src/emulators/zendesk';
import {
  asList,
  recordBodies,
  rejection,
  organizationsByTickets,
  startZendeskTarget,
  type ZendeskTarget,
} from '../../helpers/zendesk-emulator';

interface CursorBody {
  tickets: Ticket[];
  meta: { has_more: boolean; after_cursor: string | null; before_cursor: string | null };
  links: { next: string | null; prev: string | null };
}

interface OffsetBody {
  tickets: Ticket[];
  next_page: string | null;
  previous_page: string | null;
  count: number;
}

// node-zendesk adds page[size]=100 to the endpoints it knows support cursors and follows
// `links.next` (else `next_page`) only when it contains its own endpointUri. Its `query`
// option overrides that page size, which is how these tests ask for small pages.
describe('Zendesk emulator: cursor and offset pagination (node-zendesk 6)', () => {
  let target: ZendeskTarget;
  let flagship: Organization;
  let flagshipTickets: Ticket[];

  beforeAll(async () => {
    target = await startZendeskTarget();
    const [id] = organizationsByTickets(target.emulator) as [number];
    flagship = target.emulator.store.organization(id) as Organization;
    flagshipTickets = target.emulator.store.tickets().filter((t) => t.organization_id === id);
  });

  it('page[size]=100 by default: meta.has_more, cursors, and links.next under the endpointUri, null at the end', async () => {
    const client = target.client();
    const bodies = recordBodies(client.tickets) as CursorBody[];
    await client.tickets.listByOrganization(flagship.id);
    expect(bodies).toHaveLength(2);
    const [first, last] = bodies as [CursorBody, CursorBody];
    expect(first.tickets).toHaveLength(100);
    expect(first.meta).toEqual({
      has_more: true,
      after_cursor: expect.any(String),
      before_cursor: expect.any(String),
    });
    expect(first.links.next).toContain(
      `${target.emulator.apiUrl}/organizations/${flagship.id}/tickets.json?`,
    );
    expect(new URL(first.links.next ?? '').searchParams.get('page[after]')).toBe(
      first.meta.after_cursor,
    );
    expect(new URL(first.links.next ?? '').searchParams.get('page[size]')).toBe('100');
    expect(last.tickets).toHaveLength(flagshipTickets.length - 100);
    expect(last.meta.has_more).toBe(false);
    expect(last.links.next).toBeNull();
  });

  it('a smaller page[size] gives more pages and the same tickets, in id order', async () => {
    const client = target.client({ query: { 'page[size]': 40 } });
    const bodies = recordBodies(client.tickets) as CursorBody[];
    const tickets = asList<Ticket>(await client.tickets.listByOrganization(flagship.id));
    expect(bodies.map((b) => b.tickets.length)).toEqual([40, 40, 40, flagshipTickets.length - 120]);
    expect(tickets.map((t) => t.id)).toEqual(flagshipTickets.map((t) => t.id));
  });

  it('page[before] walks back from a cursor', async () => {
    const client = target.client({ query: { 'page[size]': 40 } });
    const bodies = recordBodies(client.tickets) as CursorBody[];
    await client.tickets.listByOrganization(flagship.id);
    const second = bodies[1] as CursorBody;
    // node-zendesk requests a URL that contains its endpointUri as it is.
    const back = (await client.tickets.get(second.links.prev)) as unknown as { result: unknown };
    expect(asList<Ticket>(back.result).map((t) => t.id)).toEqual(
      (bodies[0] as CursorBody).tickets.map((t) => t.id),
    );
  });

  it('an organization without tickets: an empty page with null cursors and links', async () => {
    const counts = new Set(target.emulator.store.tickets().map((t) => t.organization_id));
    const quiet = target.emulator.store
      .organizations()
      .find((o) => !counts.has(o.id)) as Organization;
    const client = target.client();
    const bodies = recordBodies(client.tickets) as CursorBody[];
    expect(await client.tickets.listByOrganization(quiet.id)).toEqual([]);
    expect(bodies[0]).toEqual({
      tickets: [],
      meta: { has_more: false, after_cursor: null, before_cursor: null },
      links: { prev: null, next: null },
    });
  });

  it.each([['101'], ['0'], ['ten']])(
    'page[size]=%s is refused with 400 Invalid attribute',
    async (size) => {
      const client = target.client({ query: { 'page[size]': size }, throwOriginalException: true });
      const error = await rejection(client.tickets.list());
      expect(error.statusCode).toBe(400);
      expect(error.result).toEqual({
        error: { title: 'Invalid attribute', message: expect.stringContaining('page[size]') },
      });
    },
  );

  it('a cursor that did not come from a page is refused with 400', async () => {
    const client = target.client({
      query: { 'page[after]': 'not-a-cursor' },
      throwOriginalException: true,
    });
    expect((await rejection(client.tickets.list())).statusCode).toBe(400);
  });

  it('offset pagination where no page[size] is sent: next_page under the endpointUri, count, null at the end', async () => {
    const byRequester = new Map<number, number>();
    for (const t of target.emulator.store.tickets())
      byRequester.set(t.requester_id, (byRequester.get(t.requester_id) ?? 0) + 1);
    const [requesterId, total] = [...byRequester.entries()].find(([, n]) => n >= 5) as [
      number,
      number,
    ];
    const client = target.client({ query: { per_page: 2 } });
    const bodies = recordBodies(client.tickets) as OffsetBody[];
    const tickets = asList<Ticket>(await client.tickets.listByUserRequested(requesterId));
    expect(tickets).toHaveLength(total);
    expect(bodies).toHaveLength(Math.ceil(total / 2));
    expect(bodies[0]).toMatchObject({
      count: total,
      previous_page: null,
      next_page: `${target.emulator.apiUrl}/users/${requesterId}/tickets/requested.json?page=2&per_page=2`,
    });
    expect((bodies[bodies.length - 1] as OffsetBody).next_page).toBeNull();
    expect((bodies[1] as OffsetBody).previous_page).toContain('page=1&per_page=2');
  });

  it('per_page above 100 is refused with 400', async () => {
    const client = target.client({ query: { per_page: 101 }, throwOriginalException: true });
    const requester = target.emulator.store.tickets()[0]?.requester_id;
    expect((await rejection(client.tickets.listByUserRequested(requester))).statusCode).toBe(400);
  });
});
