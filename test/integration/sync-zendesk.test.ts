/**
 * syncZendeskTickets over HTTP against the emulators: Zendesk tickets into Case by
 * Zendesk_Ticket_Id__c. The expected rows are computed from node-zendesk's own reads of the
 * emulator and the Account link fields read with jsforce.
 */
import type { Connection } from 'jsforce';
import type { Organization, Ticket } from '../../src/emulators/zendesk';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { linkedZendesk, type LinkedZendesk } from '../helpers/linked-zendesk';
import { directConnection, queryAll } from '../helpers/salesforce-direct';

interface SyncResultView {
  source: string;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  errors: string[];
}

const SYNC = `mutation Sync($accountId: ID, $since: DateTime) {
  syncZendeskTickets(accountId: $accountId, since: $since) {
    source created updated unchanged failed errors
  }
}`;

const STATUS: Record<string, string> = {
  new: 'New',
  open: 'Working',
  pending: 'Working',
  hold: 'Working',
  solved: 'Closed',
  closed: 'Closed',
};

let gw: TestGateway;
let zendesk: LinkedZendesk;
let sf: Connection;
let tickets: Ticket[];
let organizations: Organization[];

async function sync(variables: Record<string, unknown>) {
  const res = await gw.graphql<{ syncZendeskTickets: SyncResultView }>(SYNC, variables);
  return { result: res.data?.syncZendeskTickets, errors: res.errors };
}

beforeAll(async () => {
  gw = await startTestGateway({ linked: {} });
  zendesk = linkedZendesk(gw);
  sf = await directConnection(gw.emulatorUrl);
  ({ tickets, organizations } = await zendesk.snapshot());
}, 60_000);

describe('syncZendeskTickets', () => {
  it("one Account: its organization's tickets become Cases, once; a second run sends nothing", async () => {
    const linked = await queryAll(
      sf,
      'SELECT Id, Zendesk_Organization_Id__c FROM Account WHERE Zendesk_Organization_Id__c != null',
    );
    const account = linked
      .map((a) => ({
        id: a.Id,
        tickets: tickets.filter((t) => String(t.organization_id) === a.Zendesk_Organization_Id__c),
      }))
      .sort((a, b) => b.tickets.length - a.tickets.length)[0];
    if (!account || account.tickets.length === 0) throw new Error('no linked account with tickets');

    await gw.resetEmulatorStats();
    const { result, errors } = await sync({ accountId: account.id });
    expect(errors).toBeUndefined();
    expect(result).toMatchObject({
      source: 'zendesk',
      created: account.tickets.length,
      updated: 0,
      unchanged: 0,
      failed: 0,
    });
    expect((await gw.emulatorStats()).byEndpoint).toEqual({
      query: 1,
      upsertMany: Math.ceil(account.tickets.length / 200),
    });
    const cases = await queryAll(
      sf,
      `SELECT Zendesk_Ticket_Id__c, Subject, Status, Priority FROM Case WHERE AccountId = '${account.id}'`,
    );
    expect(cases.map((c) => c.Zendesk_Ticket_Id__c).sort()).toEqual(
      account.tickets.map((t) => String(t.id)).sort(),
    );
    const sample = account.tickets[0] as Ticket;
    expect(cases.find((c) => c.Zendesk_Ticket_Id__c === String(sample.id))).toMatchObject({
      Subject: sample.subject,
      Status: STATUS[sample.status],
    });

    await gw.resetEmulatorStats();
    const again = await sync({ accountId: account.id });
    expect(again.result).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: account.tickets.length,
      failed: 0,
    });
    expect((await gw.emulatorStats()).byEndpoint).toEqual({ query: 1 });
  });

  it('every Account: each ticket whose organization links to an Account, once', async () => {
    const accounts = await queryAll(sf, 'SELECT Id, Zendesk_Organization_Id__c FROM Account');
    const byOrganization = new Map<string, string>();
    const unlinked = new Set<string>();
    for (const a of accounts) {
      const link = a.Zendesk_Organization_Id__c;
      if (typeof link === 'string' && link !== '') byOrganization.set(link, a.Id);
      else unlinked.add(a.Id);
    }
    for (const org of organizations) {
      if (org.external_id && unlinked.has(org.external_id)) {
        byOrganization.set(String(org.id), org.external_id);
      }
    }
    const expected = tickets.filter(
      (t) => t.organization_id !== null && byOrganization.has(String(t.organization_id)),
    );
    expect(expected.length).toBeGreaterThan(200);

    const { result, errors } = await sync({});
    expect(errors).toBeUndefined();
    expect(result ? result.created + result.unchanged : -1).toBe(expected.length);
    expect(result).toMatchObject({ updated: 0, failed: 0 });
    const cases = await queryAll(sf, 'SELECT Zendesk_Ticket_Id__c, AccountId FROM Case');
    expect(cases).toHaveLength(expected.length);
    for (const t of expected.slice(0, 50)) {
      expect(cases.find((c) => c.Zendesk_Ticket_Id__c === String(t.id))?.AccountId).toBe(
        byOrganization.get(String(t.organization_id)),
      );
    }
    const again = await sync({});
    expect(again.result).toMatchObject({ created: 0, updated: 0, unchanged: expected.length });
  }, 60_000);

  it('bad input is BAD_USER_INPUT', async () => {
    const future = await sync({ since: new Date(Date.now() + 86_400_000).toISOString() });
    expect(future.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const malformed = await sync({ accountId: '001-not-an-id' });
    expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
