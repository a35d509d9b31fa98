import type { Organization, Ticket, User } from '../../../src/emulators/zendesk';
import {
  asList,
  externalId,
  rejection,
  organizationsByTickets,
  startZendeskTarget,
  type ZendeskTarget,
} from '../../helpers/zendesk-emulator';

// Show, show_many, search and list endpoints for organizations, users and tickets, through
// the client methods the gateway uses.
describe('Zendesk emulator: organizations, users and tickets (node-zendesk 6)', () => {
  let target: ZendeskTarget;
  let flagship: Organization;

  beforeAll(async () => {
    target = await startZendeskTarget();
    const [id] = organizationsByTickets(target.emulator) as [number];
    flagship = target.emulator.store.organization(id) as Organization;
  });

  const strict = () => target.client({ throwOriginalException: true });

  describe('organizations', () => {
    it('show returns the organization with Zendesk’s fields and its API url', async () => {
      const { result } = await target.client().organizations.show(flagship.id);
      expect(result).toEqual({
        url: `${target.emulator.apiUrl}/organizations/${flagship.id}.json`,
        id: flagship.id,
        name: flagship.name,
        shared_tickets: false,
        shared_comments: false,
        external_id: flagship.external_id,
        created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
        updated_at: expect.stringMatching(/Z$/),
        domain_names: expect.any(Array),
        details: null,
        notes: null,
        group_id: null,
        tags: expect.any(Array),
        organization_fields: {},
      });
    });

    it('show of a missing organization is 404 RecordNotFound', async () => {
      const error = await rejection(strict().organizations.show(999));
      expect(error.statusCode).toBe(404);
      expect(error.result).toEqual({ error: 'RecordNotFound', description: 'Not found' });
    });

    it('list follows every cursor page (page[size]=100) and returns every organization', async () => {
      await target.admin.resetStats();
      const all = asList<Organization>(await target.client().organizations.list());
      expect(all.map((o) => o.id)).toEqual(target.emulator.store.organizations().map((o) => o.id));
      expect(all.length).toBeGreaterThan(100);
      expect((await target.admin.stats()).byEndpoint['organizations.list']).toBe(
        Math.ceil(all.length / 100),
      );
    });

    it('search by external_id finds exactly that organization, and nothing for an unknown one', async () => {
      const linked = target.emulator.store
        .organizations()
        .find((o) => o.external_id !== null) as Organization;
      const hits = asList<Organization>(
        await target.client().organizations.search(externalId(String(linked.external_id))),
      );
      expect(hits.map((o) => o.id)).toEqual([linked.id]);
      expect(await target.client().organizations.search(externalId('001000000000000AAA'))).toEqual(
        [],
      );
    });

    it('show_many by ids and by external_ids returns the ones that exist', async () => {
      const [a, b] = target.emulator.store.organizations();
      const byIds = asList<Organization>(
        await target.client().organizations.showMany([b?.id, 42, a?.id]),
      );
      expect(byIds.map((o) => o.id)).toEqual([b?.id, a?.id]);
      const external = target.emulator.store
        .organizations()
        .filter((o) => o.external_id !== null)
        .slice(0, 2);
      const byExternal = asList<Organization>(
        await target
          .client()
          .organizations.showManyByExternalIds(external.map((o) => String(o.external_id))),
      );
      expect(byExternal.map((o) => o.id)).toEqual(external.map((o) => o.id));
    });
  });

  describe('users', () => {
    it('search by email finds the requester (case-insensitively) and nothing for an unknown email', async () => {
      const requester = target.emulator.store.users().find((u) => u.role === 'end-user') as User;
      const hits = asList<User>(
        await target.client().users.search({ query: requester.email.toUpperCase() }),
      );
      expect(hits).toEqual([
        expect.objectContaining({ id: requester.id, email: requester.email, role: 'end-user' }),
      ]);
      expect(await target.client().users.search({ query: 'nobody@nowhere.example' })).toEqual([]);
    });

    it('show, show_many and a missing user', async () => {
      const [first, second] = target.emulator.store.users();
      const shown = await target.client().users.show(second?.id);
      expect(shown.result).toMatchObject({
        id: second?.id,
        url: `${target.emulator.apiUrl}/users/${second?.id}.json`,
      });
      const many = await target.client().users.showMany([second?.id, first?.id]);
      expect(asList<User>(many.result).map((u) => u.id)).toEqual([second?.id, first?.id]);
      expect((await rejection(strict().users.show(5))).statusCode).toBe(404);
    });
  });

  describe('tickets', () => {
    it('show returns the ticket with every field the gateway reads', async () => {
      const ticket = target.emulator.store.tickets().find((t) => t.type === 'task') as Ticket;
      const { result } = await target.client().tickets.show(ticket.id);
      expect(result).toMatchObject({
        url: `${target.emulator.apiUrl}/tickets/${ticket.id}.json`,
        id: ticket.id,
        subject: ticket.subject,
        description: ticket.description,
        status: ticket.status,
        priority: ticket.priority,
        type: 'task',
        requester_id: ticket.requester_id,
        organization_id: ticket.organization_id,
        created_at: ticket.created_at,
        updated_at: ticket.updated_at,
        due_at: expect.stringMatching(/Z$/),
        tags: ticket.tags,
      });
    });

    it('statuses, priorities and types stay within Zendesk’s vocabularies', () => {
      for (const t of target.emulator.store.tickets()) {
        expect(['new', 'open', 'pending', 'hold', 'solved', 'closed']).toContain(t.status);
        expect([null, 'low', 'normal', 'high', 'urgent']).toContain(t.priority);
        expect([null, 'problem', 'incident', 'question', 'task']).toContain(t.type);
        if (t.type !== 'task') expect(t.due_at).toBeNull();
      }
    });

    it('show_many returns the tickets that exist, in the order asked', async () => {
      const { result } = await target.client().tickets.showMany([3, 999999, 1, 2]);
      expect(asList<Ticket>(result).map((t) => t.id)).toEqual([3, 1, 2]);
    });

    it('show of a missing ticket is 404 RecordNotFound', async () => {
      const error = await rejection(strict().tickets.show(999999));
      expect(error).toMatchObject({
        statusCode: 404,
        result: { error: 'RecordNotFound', description: 'Not found' },
      });
    });

    it('an organization’s tickets: all of them, over several cursor pages', async () => {
      await target.admin.resetStats();
      const tickets = asList<Ticket>(await target.client().tickets.listByOrganization(flagship.id));
      const expected = target.emulator.store
        .tickets()
        .filter((t) => t.organization_id === flagship.id);
      expect(expected.length).toBeGreaterThan(100);
      expect(tickets.map((t) => t.id)).toEqual(expected.map((t) => t.id));
      expect((await target.admin.stats()).byEndpoint['organizations.tickets']).toBe(2);
    });

    it('the tickets of a missing organization are 404', async () => {
      expect((await rejection(strict().tickets.listByOrganization(123))).statusCode).toBe(404);
    });

    it('every ticket, through cursor pages of 100', async () => {
      const tickets = await target.client().tickets.list();
      expect(tickets).toHaveLength(target.emulator.store.tickets().length);
      expect(new Set(tickets.map((t) => t.id)).size).toBe(tickets.length);
    });

    it('a user’s requested tickets (offset pagination), 404 for a missing user', async () => {
      const byRequester = new Map<number, number[]>();
      for (const t of target.emulator.store.tickets())
        byRequester.set(t.requester_id, [...(byRequester.get(t.requester_id) ?? []), t.id]);
      const [requesterId, ids] = [...byRequester.entries()].find(
        ([, list]) => list.length >= 3,
      ) as [number, number[]];
      const tickets = asList<Ticket>(
        await target.client().tickets.listByUserRequested(requesterId),
      );
      expect(tickets.map((t) => t.id)).toEqual(ids);
      expect((await rejection(strict().tickets.listByUserRequested(7))).statusCode).toBe(404);
    });
  });
});
