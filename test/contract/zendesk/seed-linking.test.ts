import { generateSalesforceSeed } from '../../../src/emulators/seed';
import type { Organization, Ticket, User } from '../../../src/emulators/zendesk';
import {
  asList,
  externalId,
  startZendeskTarget,
  ZENDESK_TEST_BASE_DATE,
  type LinkedAccountRow,
  type ZendeskTarget,
} from '../../helpers/zendesk-emulator';

const UNSOLVED = ['new', 'open', 'pending', 'hold'];

// The demo account mirrors the Salesforce demo org (same scale, seed and base date): every
// linking rule of ARCHITECTURE.md "Linking the services" has records, checked through the client.
describe('Zendesk emulator: the demo seed, linked to the Salesforce seed (node-zendesk 6)', () => {
  let target: ZendeskTarget;
  let accounts: LinkedAccountRow[];
  let contactEmails: string[];

  beforeAll(async () => {
    target = await startZendeskTarget();
    const salesforce = generateSalesforceSeed({ baseDate: ZENDESK_TEST_BASE_DATE });
    accounts = salesforce.records
      .filter((r) => r.objectName === 'Account')
      .map((r) => r.record as unknown as LinkedAccountRow);
    contactEmails = salesforce.records
      .filter((r) => r.objectName === 'Contact' && typeof r.record.Email === 'string')
      .map((r) => String(r.record.Email));
  });

  it('every account with Zendesk_Organization_Id__c has an organization with exactly that id', async () => {
    const linked = accounts.filter((a) => a.Zendesk_Organization_Id__c !== null);
    expect(linked.length).toBeGreaterThan(20);
    // show_many goes through getAll in node-zendesk: the organizations come back as a list.
    const result = asList<Organization>(
      await target
        .client()
        .organizations.showMany(linked.map((a) => Number(a.Zendesk_Organization_Id__c))),
    );
    const byId = new Map(result.map((o) => [String(o.id), o]));
    for (const account of linked) {
      const organization = byId.get(account.Zendesk_Organization_Id__c ?? '');
      expect(organization?.name.startsWith(account.Name)).toBe(true);
    }
  });

  it('some accounts without the field are linked only by external_id = Account Id; the rest not at all', async () => {
    const unlinked = accounts.filter((a) => a.Zendesk_Organization_Id__c === null);
    const client = target.client();
    let fallback = 0;
    let none = 0;
    for (const account of unlinked.slice(0, 60)) {
      const found = asList<Organization>(await client.organizations.search(externalId(account.Id)));
      if (found.length === 1) {
        fallback += 1;
        expect(found[0]?.name.startsWith(account.Name)).toBe(true);
      } else {
        expect(found).toEqual([]);
        none += 1;
      }
    }
    expect(fallback).toBeGreaterThan(5);
    expect(none).toBeGreaterThan(5);
  });

  it('organizations linked by id carry no external_id; Zendesk-only organizations match no account', () => {
    const ids = new Set(
      accounts.map((a) => a.Zendesk_Organization_Id__c).filter((id) => id !== null),
    );
    const accountIds = new Set(accounts.map((a) => a.Id));
    const orgs = target.emulator.store.organizations();
    for (const org of orgs.filter((o) => ids.has(String(o.id)))) expect(org.external_id).toBeNull();
    const orphans = orgs.filter(
      (o) => !ids.has(String(o.id)) && !accountIds.has(o.external_id ?? ''),
    );
    expect(orphans.map((o) => o.name)).toEqual([
      'Internal QA',
      'Beta Testers',
      'Former Customers Archive',
    ]);
  });

  it('requesters are Salesforce contacts by email, found through users/search', async () => {
    const endUsers = target.emulator.store.users().filter((u) => u.role === 'end-user');
    const lowered = new Set(contactEmails.map((e) => e.toLowerCase()));
    const contacts = endUsers.filter((u) => lowered.has(u.email));
    expect(contacts.length / endUsers.length).toBeGreaterThan(0.8);
    const email = contacts[5]?.email ?? '';
    const found = asList<User>(await target.client().users.search({ query: email }));
    expect(found.map((u) => u.email)).toEqual([email]);
    const requested = asList<Ticket>(
      await target.client().tickets.listByUserRequested(found[0]?.id),
    );
    expect(requested.every((t) => t.requester_id === found[0]?.id)).toBe(true);
  });

  it('skew: urgent unsolved tickets, open ones, quiet organizations and tickets without an organization', () => {
    const tickets = target.emulator.store.tickets();
    const byOrg = new Map<number, Ticket[]>();
    for (const t of tickets)
      if (t.organization_id !== null)
        byOrg.set(t.organization_id, [...(byOrg.get(t.organization_id) ?? []), t]);
    const orgs = target.emulator.store.organizations();
    const atRisk = orgs.filter((o) =>
      byOrg.get(o.id)?.some((t) => t.priority === 'urgent' && UNSOLVED.includes(t.status)),
    );
    const watch = orgs.filter(
      (o) => !atRisk.includes(o) && byOrg.get(o.id)?.some((t) => UNSOLVED.includes(t.status)),
    );
    const healthy = orgs.filter(
      (o) => !(byOrg.get(o.id) ?? []).some((t) => UNSOLVED.includes(t.status)),
    );
    expect(atRisk.length).toBeGreaterThan(3);
    expect(watch.length).toBeGreaterThan(3);
    expect(healthy.length).toBeGreaterThan(3);
    expect(tickets.filter((t) => t.organization_id === null).length).toBeGreaterThan(10);
    // Ids follow creation time, as Zendesk assigns them.
    const created = tickets.map((t) => t.created_at);
    expect(created).toEqual([...created].sort());
  });

  it('determinism: two emulators with the same options serve the same data; another seed differs', async () => {
    const twin = await startZendeskTarget();
    const other = await startZendeskTarget({ seed: 7 });
    const a = await target.client().tickets.list();
    const b = await twin.client().tickets.list();
    const strip = (list: unknown) => JSON.stringify(list).replaceAll(/127\.0\.0\.1:\d+/g, 'host');
    expect(strip(b)).toEqual(strip(a));
    expect(strip(await twin.client().organizations.list())).toEqual(
      strip(await target.client().organizations.list()),
    );
    expect(strip(await other.client().tickets.list())).not.toEqual(strip(a));
  });
});
