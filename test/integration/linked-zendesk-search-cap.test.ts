import { DEFAULT_LINKED_RESILIENCE } from '../../src/config';
import type { Ticket } from '../../src/emulators/zendesk';
import { createLinkedResilience } from '../../src/upstreams/linked';
import { OperationScope } from '../../src/upstreams/operation-scope';
import { createZendeskUpstream, type ZendeskUpstream } from '../../src/upstreams/zendesk';
import { chunkTerms, searchTerm } from '../../src/upstreams/zendesk/search-query';
import {
  organizationsByTickets,
  startZendeskTarget,
  type ZendeskTarget,
} from '../helpers/zendesk-emulator';
import { DEMO_ZENDESK_CREDENTIALS } from '../../src/emulators/zendesk';

// Search answers at most 1,000 results per query (page 11 of 100 is a 422, and node-zendesk's
// queryAll walks into it). The client never asks past page 10: a query whose `count` is over
// the cap is halved, and one organization (or requester) over it is read from its own
// cursor-paginated ticket list, which has no cap.
describe('Zendesk reads past the search cap (client against the emulator)', () => {
  let target: ZendeskTarget;
  let upstream: ZendeskUpstream;
  const operation = () => new OperationScope({ requestId: 'cap-test', maxRows: 100_000 });
  const ids = (tickets: Array<{ id: number }>) => tickets.map((t) => t.id).sort((a, b) => a - b);

  beforeAll(async () => {
    target = await startZendeskTarget();
    upstream = createZendeskUpstream(
      {
        mode: 'live',
        settings: {
          apiUrl: target.emulator.apiUrl,
          email: DEMO_ZENDESK_CREDENTIALS.email,
          apiToken: target.emulator.apiToken,
        },
        resilience: DEFAULT_LINKED_RESILIENCE,
      },
      { resilience: createLinkedResilience('zendesk', DEFAULT_LINKED_RESILIENCE) },
    );
  });

  afterEach(async () => {
    await target.admin.reset();
  });

  /** Gives `count` tickets of other organizations to `organizationId` (the store's own records). */
  function crowd(field: 'organization_id' | 'requester_id', owner: number, count: number): void {
    const others = target.emulator.store.tickets().filter((t) => t[field] !== owner);
    for (const ticket of others.slice(0, count)) (ticket as Ticket)[field] = owner;
  }

  it('an organization with 1,100+ tickets beside a small one: halved, then its own list', async () => {
    const [big, small] = organizationsByTickets(target.emulator) as [number, number];
    crowd('organization_id', big, 1100);
    const expected = target.emulator.store
      .tickets()
      .filter((t) => t.organization_id === big || t.organization_id === small);
    expect(expected.filter((t) => t.organization_id === big).length).toBeGreaterThan(1000);
    await target.admin.resetStats();
    const tickets = await upstream.ticketsOfOrganizations(
      [String(big), String(small)],
      operation(),
    );
    expect(ids(tickets)).toEqual(ids(expected));
    const stats = await target.admin.stats();
    const bigCount = expected.filter((t) => t.organization_id === big).length;
    const smallCount = expected.length - bigCount;
    expect(stats.byEndpoint).toEqual({
      // both (count over the cap) → big alone (over the cap) → small alone, all its pages
      search: 2 + Math.ceil(smallCount / 100),
      'organizations.tickets': Math.ceil(bigCount / 100),
    });
    // No page past the 10th was asked for: nothing answered 422.
    expect(stats.total).toBe(stats.byEndpoint.search! + stats.byEndpoint['organizations.tickets']!);
  });

  it('a requester with 1,100+ tickets: read from the user’s requested list', async () => {
    const requester = target.emulator.store.tickets()[0]!.requester_id;
    crowd('requester_id', requester, 1100);
    const expected = target.emulator.store.tickets().filter((t) => t.requester_id === requester);
    await target.admin.resetStats();
    const tickets = await upstream.ticketsOfRequesters([requester], operation());
    expect(ids(tickets)).toEqual(ids(expected));
    expect((await target.admin.stats()).byEndpoint).toEqual({
      search: 1,
      'users.tickets.requested': Math.ceil(expected.length / 100),
    });
  });

  it('many organizations go out in parallel chunks that each stay within the URL budget', async () => {
    const all = target.emulator.store.organizations().map((o) => String(o.id));
    // Every organization, padded with ids that exist nowhere, 300 in all.
    const requested = [
      ...all,
      ...Array.from({ length: Math.max(0, 300 - all.length) }, (_, i) => String(999000000000 + i)),
    ];
    const chunks = chunkTerms(
      'type:ticket',
      [...new Set(requested)].map((id) => searchTerm('organization', id)!),
    );
    expect(chunks.length).toBeGreaterThan(2);
    const known = new Set(requested.map(Number));
    const expected = target.emulator.store
      .tickets()
      .filter((t) => t.organization_id !== null && known.has(t.organization_id));
    await target.admin.resetStats();
    const tickets = await upstream.ticketsOfOrganizations(requested, operation());
    expect(ids(tickets)).toEqual(ids(expected));
    expect((await target.admin.stats()).byEndpoint.search).toBeGreaterThanOrEqual(chunks.length);
  });
});
