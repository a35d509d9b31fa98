import type { Connection } from 'jsforce';
import type { Organization, Ticket as ZendeskTicket, User } from '../../src/emulators/zendesk';
import { startTestGateway, type GraphQLResponse, type TestGateway } from '../helpers/gateway';
import { linkedZendesk, upper, type LinkedZendesk } from '../helpers/linked-zendesk';
import { connectToEmulator } from '../helpers/salesforce-target';

interface TicketView {
  id: string;
  number: number;
  subject: string;
  description: string | null;
  status: string;
  priority: string | null;
  requesterEmail: string | null;
  createdAt: string;
  updatedAt: string;
  url: string | null;
}
interface TicketPage {
  edges: Array<{ cursor: string; node: { id: string } }>;
  nodes: TicketView[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
interface AccountRow {
  Id: string;
  Name: string;
  Zendesk_Organization_Id__c: string | null;
}

const TICKET_FIELDS = `id number subject description status priority requesterEmail createdAt updatedAt url`;
const ACCOUNT_TICKETS = `query ($id: ID!, $first: Int, $after: String, $status: [TicketStatus!]) {
  account(id: $id) { id tickets(first: $first, after: $after, status: $status) {
    edges { cursor node { id } } nodes { ${TICKET_FIELDS} } pageInfo { hasNextPage endCursor } } } }`;
const CONTACT_TICKETS = `query ($id: ID!, $first: Int, $status: [TicketStatus!]) {
  contact(id: $id) { id tickets(first: $first, status: $status) {
    edges { cursor node { id } } nodes { ${TICKET_FIELDS} } pageInfo { hasNextPage endCursor } } } }`;

const newestFirst = (a: ZendeskTicket, b: ZendeskTicket) =>
  Date.parse(b.created_at) - Date.parse(a.created_at) || b.id - a.id;

describe('Zendesk tickets on the graph (emulator through node-zendesk)', () => {
  let gw: TestGateway;
  let zendesk: LinkedZendesk;
  let sf: Connection;
  let tickets: ZendeskTicket[];
  let organizations: Organization[];
  let users: Map<number, User>;
  let accounts: AccountRow[];

  const ticketsOf = (organizationId: number) =>
    tickets.filter((t) => t.organization_id === organizationId).sort(newestFirst);
  const expectedView = (t: ZendeskTicket): TicketView => ({
    id: `zendesk-ticket:${t.id}`,
    number: t.id,
    subject: t.subject,
    description: t.description,
    status: t.status.toUpperCase(),
    priority: upper(t.priority),
    requesterEmail: users.get(t.requester_id)?.email ?? null,
    createdAt: new Date(t.created_at).toISOString(),
    updatedAt: new Date(t.updated_at).toISOString(),
    url: `${zendesk.origin}/agent/tickets/${t.id}`,
  });
  async function accountTickets(
    id: string,
    variables: Record<string, unknown> = {},
  ): Promise<TicketPage> {
    const res = await gw.graphql<{ account: { tickets: TicketPage } }>(ACCOUNT_TICKETS, {
      id,
      ...variables,
    });
    expect(res.errors).toBeUndefined();
    return res.data!.account.tickets;
  }

  beforeAll(async () => {
    gw = await startTestGateway({ linked: {} });
    zendesk = linkedZendesk(gw);
    sf = await connectToEmulator(gw.emulatorUrl);
    const data = await zendesk.snapshot();
    tickets = data.tickets;
    organizations = data.organizations;
    users = new Map(data.users.map((u) => [u.id, u]));
    accounts = (
      await sf.query<AccountRow>('SELECT Id, Name, Zendesk_Organization_Id__c FROM Account')
    ).records;
  }, 60_000);

  /** The organization an Account links to: its link field, else external_id = its Id. */
  function organizationOf(account: AccountRow): number | undefined {
    if (account.Zendesk_Organization_Id__c !== null)
      return Number(account.Zendesk_Organization_Id__c);
    return organizations.find((o) => o.external_id === account.Id)?.id;
  }

  /** The account whose organization has the most tickets (more than 100). */
  function busiestLinkedAccount(): { account: AccountRow; organizationId: number } {
    const linked = accounts
      .filter((account) => organizationOf(account) !== undefined)
      .map((account) => ({ account, organizationId: organizationOf(account)! }))
      .sort((a, b) => ticketsOf(b.organizationId).length - ticketsOf(a.organizationId).length);
    return linked[0]!;
  }

  it('Account.tickets: every field of every ticket, newest first, more than 100 of them', async () => {
    const { account, organizationId } = busiestLinkedAccount();
    const expected = ticketsOf(organizationId);
    expect(expected.length).toBeGreaterThan(100);
    const page = await accountTickets(account.Id, { first: 200 });
    expect(page.nodes).toEqual(expected.map(expectedView));
    expect(page.edges.map((e) => e.node.id)).toEqual(page.nodes.map((n) => n.id));
    expect(page.pageInfo.hasNextPage).toBe(false);
  });

  it('Account.tickets by the link field (Zendesk_Organization_Id__c)', async () => {
    const linked = accounts.find(
      (a) =>
        a.Zendesk_Organization_Id__c !== null &&
        ticketsOf(Number(a.Zendesk_Organization_Id__c)).length > 5,
    )!;
    const page = await accountTickets(linked.Id, { first: 200 });
    expect(page.nodes).toEqual(
      ticketsOf(Number(linked.Zendesk_Organization_Id__c)).map(expectedView),
    );
  });

  it('Account.tickets by the fallback: the organization whose external_id is the Account Id', async () => {
    const byExternal = new Map(organizations.map((o) => [o.external_id, o]));
    const fallback = accounts.find(
      (a) =>
        a.Zendesk_Organization_Id__c === null &&
        ticketsOf(byExternal.get(a.Id)?.id ?? -1).length > 0,
    )!;
    const organization = byExternal.get(fallback.Id)!;
    const page = await accountTickets(fallback.Id, { first: 200 });
    expect(page.nodes.map((n) => n.number)).toEqual(ticketsOf(organization.id).map((t) => t.id));
  });

  it('an Account with neither link has an empty connection', async () => {
    const externalIds = new Set(organizations.map((o) => o.external_id));
    const unlinked = accounts.find(
      (a) => a.Zendesk_Organization_Id__c === null && !externalIds.has(a.Id),
    )!;
    const page = await accountTickets(unlinked.Id);
    expect(page).toEqual({
      edges: [],
      nodes: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
  });

  it('pages with after (default first 20) and filters by status', async () => {
    const { account, organizationId } = busiestLinkedAccount();
    const expected = ticketsOf(organizationId).map((t) => t.id);
    const first = await accountTickets(account.Id);
    expect(first.nodes.map((n) => n.number)).toEqual(expected.slice(0, 20));
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await accountTickets(account.Id, {
      first: 30,
      after: first.pageInfo.endCursor,
    });
    expect(second.nodes.map((n) => n.number)).toEqual(expected.slice(20, 50));

    const unsolved = ticketsOf(organizationId)
      .filter((t) => t.status === 'open' || t.status === 'pending')
      .map((t) => t.id);
    expect(unsolved.length).toBeGreaterThan(0);
    const filtered = await accountTickets(account.Id, { first: 200, status: ['OPEN', 'PENDING'] });
    expect(filtered.nodes.map((n) => n.number)).toEqual(unsolved);
  });

  it('bad first and after are BAD_USER_INPUT', async () => {
    const { account } = busiestLinkedAccount();
    for (const variables of [{ first: -1 }, { first: 201 }, { after: 'not-a-cursor' }]) {
      const res = await gw.graphql(ACCOUNT_TICKETS, { id: account.Id, ...variables });
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it("Contact.tickets: the tickets whose requester's email is the Contact's", async () => {
    const contacts = (
      await sf.query<{ Id: string; Email: string }>(
        'SELECT Id, Email FROM Contact WHERE Email != null',
      )
    ).records;
    const userByEmail = new Map([...users.values()].map((u) => [u.email.toLowerCase(), u]));
    const withTickets = contacts.find((c) => {
      const user = userByEmail.get(c.Email.toLowerCase());
      return user !== undefined && tickets.filter((t) => t.requester_id === user.id).length > 1;
    })!;
    const user = userByEmail.get(withTickets.Email.toLowerCase())!;
    const res = await gw.graphql<{ contact: { tickets: TicketPage } }>(CONTACT_TICKETS, {
      id: withTickets.Id,
      first: 200,
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.contact.tickets.nodes).toEqual(
      tickets
        .filter((t) => t.requester_id === user.id)
        .sort(newestFirst)
        .map(expectedView),
    );
    const without = contacts.find((c) => !userByEmail.has(c.Email.toLowerCase()))!;
    const none = await gw.graphql<{ contact: { tickets: TicketPage } }>(CONTACT_TICKETS, {
      id: without.Id,
    });
    expect(none.data!.contact.tickets.nodes).toEqual([]);
  });

  it('node(id:) reads a ticket with its account and contact; unknown → null; malformed → BAD_USER_INPUT', async () => {
    const query = `query ($id: ID!) { node(id: $id) { id ... on Ticket { ${TICKET_FIELDS}
      account { id name } contact { id email } } } }`;
    const linked = accounts.filter((a) => a.Zendesk_Organization_Id__c !== null);
    const accountOfOrganization = new Map<number, string>([
      ...linked.map((a): [number, string] => [Number(a.Zendesk_Organization_Id__c), a.Id]),
      ...organizations
        .filter((o) => o.external_id !== null)
        .map((o): [number, string] => [o.id, o.external_id as string]),
    ]);
    const contacts = (
      await sf.query<{ Id: string; Email: string }>(
        'SELECT Id, Email FROM Contact WHERE Email != null ORDER BY Id',
      )
    ).records;
    const contactByEmail = new Map<string, string>();
    for (const c of contacts)
      if (!contactByEmail.has(c.Email.toLowerCase()))
        contactByEmail.set(c.Email.toLowerCase(), c.Id);
    const sample = [
      ...linked
        .filter((a) => ticketsOf(Number(a.Zendesk_Organization_Id__c)).length > 0)
        .slice(0, 2)
        .map((a) => ticketsOf(Number(a.Zendesk_Organization_Id__c))[0]),
      tickets.find((t) => organizations.find((o) => o.id === t.organization_id)?.external_id),
      tickets.find((t) => t.organization_id === null),
    ].filter((t): t is ZendeskTicket => t !== undefined);
    expect(sample.length).toBe(4);
    for (const ticket of sample) {
      const res = await gw.graphql<{
        node: TicketView & { account: { id: string } | null; contact: { id: string } | null };
      }>(query, { id: `zendesk-ticket:${ticket.id}` });
      expect(res.errors).toBeUndefined();
      const { account, contact, ...view } = res.data!.node;
      expect(view).toEqual(expectedView(ticket));
      expect(account?.id ?? null).toBe(
        ticket.organization_id === null
          ? null
          : (accountOfOrganization.get(ticket.organization_id) ?? null),
      );
      const email = users.get(ticket.requester_id)?.email.toLowerCase() ?? '';
      expect(contact?.id ?? null).toBe(contactByEmail.get(email) ?? null);
    }
    const missing = await gw.graphql<{ node: null }>(query, { id: 'zendesk-ticket:99999999' });
    expect(missing).toEqual({ data: { node: null } });
    for (const id of [
      'zendesk-ticket:abc',
      'zendesk-ticket:1 OR 1',
      'zendesk-ticket:99999999999',
    ]) {
      const bad = await gw.graphql(query, { id });
      expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('Ticket.account through Account.tickets is that Account, read again only for fields it lacks', async () => {
    const { account } = busiestLinkedAccount();
    const query = (fields: string) =>
      gw.graphql<{
        account: { tickets: { nodes: Array<{ account: Record<string, unknown> }> } };
      }>(
        `query ($id: ID!) { account(id: $id) { name tickets(first: 3) { nodes { account { ${fields} } } } } }`,
        {
          id: account.Id,
        },
      );
    await gw.resetEmulatorStats();
    const same = await query('id name');
    expect(same.data!.account.tickets.nodes).toEqual(
      Array(3).fill({ account: { id: account.Id, name: account.Name } }),
    );
    expect((await gw.emulatorStats()).total).toBe(1);
    await gw.resetEmulatorStats();
    const more = await query('id createdDate');
    expect(more.data!.account.tickets.nodes.map((n) => n.account.id)).toEqual(
      Array(3).fill(account.Id),
    );
    expect(more.data!.account.tickets.nodes[0]!.account.createdDate).toEqual(expect.any(String));
    // The three back-links share one batched read of the Account.
    expect((await gw.emulatorStats()).total).toBe(2);
  });

  it('requesterEmail and contact on a page of 50 accounts: batched user and Contact lookups', async () => {
    const page = (
      await sf.query<AccountRow>(
        'SELECT Id, Name, Zendesk_Organization_Id__c FROM Account ORDER BY Name ASC, Id ASC LIMIT 50',
      )
    ).records;
    const shown = page.flatMap((a) => {
      const organizationId = organizationOf(a);
      return organizationId === undefined ? [] : ticketsOf(organizationId).slice(0, 5);
    });
    const requesters = new Set(shown.map((t) => t.requester_id));
    await zendesk.resetStats();
    await gw.resetEmulatorStats();
    const res = await gw.graphql<{
      accounts: {
        nodes: Array<{
          tickets: {
            nodes: Array<{
              number: number;
              requesterEmail: string;
              contact: { email: string } | null;
            }>;
          };
        }>;
      };
    }>(
      `{ accounts(first: 50, orderBy: [{ field: NAME, direction: ASC }]) { nodes {
          tickets(first: 5) { nodes { number requesterEmail contact { email } } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const nodes = res.data!.accounts.nodes.flatMap((n) => n.tickets.nodes);
    expect(nodes.map((n) => n.number)).toEqual(shown.map((t) => t.id));
    for (const node of nodes) {
      const ticket = tickets.find((t) => t.id === node.number)!;
      expect(node.requesterEmail).toBe(users.get(ticket.requester_id)!.email);
      if (node.contact) expect(node.contact.email.toLowerCase()).toBe(node.requesterEmail);
    }
    expect(nodes.filter((n) => n.contact !== null).length).toBeGreaterThan(nodes.length / 2);
    const stats = await zendesk.stats();
    expect(stats.byEndpoint['users.show_many']).toBe(Math.ceil(requesters.size / 100));
    // The page, then one Contact-by-Email query for every requester on it.
    expect((await gw.emulatorStats()).byEndpoint).toEqual({ query: 2 });
  });

  it('a page of 50 accounts costs 2 calls: 1 organizations/show_many + 1 search export; a second tickets selection shares them', async () => {
    const page = (
      await sf.query<AccountRow>(
        'SELECT Id, Name, Zendesk_Organization_Id__c FROM Account ORDER BY Name ASC, Id ASC LIMIT 50',
      )
    ).records;
    const matching = page.reduce(
      (sum, a) =>
        sum + (organizationOf(a) === undefined ? 0 : ticketsOf(organizationOf(a)!).length),
      0,
    );
    await zendesk.resetStats();
    await gw.resetEmulatorStats();
    const res: GraphQLResponse<{
      accounts: {
        nodes: Array<{
          id: string;
          tickets: { nodes: Array<{ number: number }> };
          open: { nodes: unknown[] };
        }>;
      };
    }> = await gw.graphql(
      `{ accounts(first: 50, orderBy: [{ field: NAME, direction: ASC }]) { nodes { id
          tickets(first: 5) { nodes { number } } open: tickets(first: 5, status: [OPEN]) { nodes { number } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const nodes = res.data!.accounts.nodes;
    expect(nodes.map((n) => n.id)).toEqual(page.map((a) => a.Id));
    expect(nodes.filter((n) => n.tickets.nodes.length > 0).length).toBeGreaterThan(20);
    for (const [i, node] of nodes.entries()) {
      const organizationId = organizationOf(page[i]!);
      expect(node.tickets.nodes.map((t) => t.number)).toEqual(
        organizationId === undefined
          ? []
          : ticketsOf(organizationId)
              .slice(0, 5)
              .map((t) => t.id),
      );
    }
    const stats = await zendesk.stats();
    // The page's unlinked accounts in one show_many, then one export over its organizations,
    // whose single page holds up to 1,000 tickets.
    expect(stats.byEndpoint).toEqual({
      'organizations.show_many': 1,
      'search.export': 1,
    });
    expect(matching).toBe(229);
    expect(stats.total).toBe(2);
    // The link field came with the page's own SOQL: no extra Salesforce call for the links.
    expect((await gw.emulatorStats()).byEndpoint).toEqual({ query: 1 });
  });

  it('a page of 50 contacts costs 2 calls (a search of users by email, then an export of their tickets), with no user lookups', async () => {
    await zendesk.resetStats();
    const res = await gw.graphql<{
      contacts: {
        nodes: Array<{
          email: string | null;
          tickets: { nodes: Array<{ requesterEmail: string }> };
        }>;
      };
    }>(
      `{ contacts(first: 50) { nodes { email tickets(first: 50) { nodes { requesterEmail } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const nodes = res.data!.contacts.nodes;
    expect(nodes).toHaveLength(50);
    expect(nodes.filter((n) => n.tickets.nodes.length > 0).length).toBeGreaterThan(10);
    for (const node of nodes)
      for (const ticket of node.tickets.nodes)
        expect(ticket.requesterEmail).toBe(node.email?.toLowerCase());
    const stats = await zendesk.stats();
    expect(stats.byEndpoint).toEqual({ search: 1, 'search.export': 1 });
    expect(stats.total).toBe(2);
  });
});
