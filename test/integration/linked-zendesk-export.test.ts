import { DEFAULT_LINKED_RESILIENCE } from '../../src/config';
import type { Ticket } from '../../src/emulators/zendesk';
import { createLinkedResilience } from '../../src/upstreams/linked';
import { OperationScope, RowBudgetExceededError } from '../../src/upstreams/operation-scope';
import { createZendeskUpstream, type ZendeskUpstream } from '../../src/upstreams/zendesk';
import { chunkTerms, searchTerm } from '../../src/upstreams/zendesk/search-query';
import {
  organizationsByTickets,
  startZendeskTarget,
  type ZendeskTarget,
} from '../helpers/zendesk-emulator';
import { DEMO_ZENDESK_CREDENTIALS } from '../../src/emulators/zendesk';

// Ticket lists come from the Search Export API: pages of up to 1,000 tickets and no cap on the
// total, so a page of accounts is one call per 1,000 tickets, the further pages following the
// cursor one after the other.
describe('Zendesk ticket reads through search export (client against the emulator)', () => {
  let target: ZendeskTarget;
  let upstream: ZendeskUpstream;
  const operation = () => new OperationScope({ requestId: 'export-test', maxRows: 100_000 });
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

  it('two organizations with 1,100+ tickets between them: one export, two cursor pages', async () => {
    const [big, small] = organizationsByTickets(target.emulator) as [number, number];
    crowd('organization_id', big, 1100);
    const expected = target.emulator.store
      .tickets()
      .filter((t) => t.organization_id === big || t.organization_id === small);
    expect(expected.length).toBeGreaterThan(1000);
    expect(expected.length).toBeLessThanOrEqual(2000);
    await target.admin.resetStats();
    const tickets = await upstream.ticketsOfOrganizations(
      [String(big), String(small)],
      operation(),
    );
    expect(ids(tickets)).toEqual(ids(expected));
    const stats = await target.admin.stats();
    expect(stats.byEndpoint).toEqual({ 'search.export': 2 });
    expect(stats.total).toBe(2);
  });

  it('a requester with 1,100+ tickets: one export, two cursor pages', async () => {
    const requester = target.emulator.store.tickets()[0]!.requester_id;
    crowd('requester_id', requester, 1100);
    const expected = target.emulator.store.tickets().filter((t) => t.requester_id === requester);
    expect(expected.length).toBeGreaterThan(1000);
    await target.admin.resetStats();
    const tickets = await upstream.ticketsOfRequesters([requester], operation());
    expect(ids(tickets)).toEqual(ids(expected));
    expect((await target.admin.stats()).byEndpoint).toEqual({ 'search.export': 2 });
  });

  it('many organizations go out in parallel chunks that each stay within the URL budget', async () => {
    const all = target.emulator.store.organizations().map((o) => String(o.id));
    // Every organization, padded with ids that exist nowhere, 300 in all.
    const requested = [
      ...all,
      ...Array.from({ length: Math.max(0, 300 - all.length) }, (_, i) => String(999000000000 + i)),
    ];
    const chunks = chunkTerms(
      '',
      [...new Set(requested)].map((id) => searchTerm('organization', id)!),
    );
    expect(chunks.length).toBeGreaterThan(2);
    const known = new Set(requested.map(Number));
    const expected = target.emulator.store
      .tickets()
      .filter((t) => t.organization_id !== null && known.has(t.organization_id));
    // Each chunk is one export call per started 1,000 of its tickets (at least one).
    const calls = chunks
      .map((chunk) => {
        const ofChunk = new Set(chunk.map((term) => Number(term.slice('organization:'.length))));
        const count = expected.filter((t) => ofChunk.has(t.organization_id!)).length;
        return Math.max(1, Math.ceil(count / 1000));
      })
      .reduce((a, b) => a + b, 0);
    await target.admin.resetStats();
    const tickets = await upstream.ticketsOfOrganizations(requested, operation());
    expect(ids(tickets)).toEqual(ids(expected));
    expect((await target.admin.stats()).byEndpoint).toEqual({ 'search.export': calls });
  });

  it("an export page counts its tickets against the operation's row budget", async () => {
    const [big] = organizationsByTickets(target.emulator) as [number];
    const small = new OperationScope({ requestId: 'export-budget', maxRows: 10 });
    await expect(upstream.ticketsOfOrganizations([String(big)], small)).rejects.toBeInstanceOf(
      RowBudgetExceededError,
    );
  });
});
