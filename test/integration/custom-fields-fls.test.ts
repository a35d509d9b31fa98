import type { Connection } from 'jsforce';
import { flushLeftovers } from '../helpers/leftovers';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { gatewaySessionToken } from '../helpers/gateway-login';
import { directConnection, queryAll } from '../helpers/salesforce-direct';

// AUTH_MODE=user with custom fields: field-level security hides Account.Credit_Limit__c and
// Opportunity.Margin__c from the reps' profile. A rep's query naming them succeeds, the hidden
// fields come back null (never another user's value) and the visible ones as usual.
describe('Custom fields under field-level security (AUTH_MODE=user)', () => {
  let gw: TestGateway;
  let sf: Connection;
  let adminToken = '';
  let repToken = '';

  beforeAll(async () => {
    gw = await startTestGateway({
      emulator: { scale: 0.1 },
      env: { AUTH_MODE: 'user', CUSTOM_FIELDS: 'auto' },
    });
    sf = await directConnection(gw.emulatorUrl);
    adminToken = await gatewaySessionToken(gw.origin, 'admin@atom-demo.org', 'demo-admin-pass');
    repToken = await gatewaySessionToken(gw.origin, 'rep1@atom-demo.org', 'demo-rep-pass');
  }, 60_000);
  afterAll(flushLeftovers);

  const ACCOUNTS = `{ accounts(first: 50, orderBy: [{ field: NAME }]) { nodes { id Region__c Credit_Limit__c
    opportunities(first: 5) { nodes { id Margin__c Discount__c } } } } }`;

  interface Page {
    accounts: {
      nodes: Array<{
        id: string;
        Region__c: string | null;
        Credit_Limit__c: number | null;
        opportunities: {
          nodes: Array<{ id: string; Margin__c: number | null; Discount__c: number | null }>;
        };
      }>;
    };
  }

  it('a rep gets null for the fields their profile hides, no error, and the visible ones', async () => {
    const res = await gw.graphql<Page>(ACCOUNTS, undefined, {
      authorization: `Bearer ${repToken}`,
    });
    expect(res.errors).toBeUndefined();
    const nodes = res.data?.accounts.nodes ?? [];
    expect(nodes.length).toBeGreaterThan(0);
    const truth = new Map(
      (
        await queryAll(
          sf,
          `SELECT Id, Region__c, Credit_Limit__c FROM Account WHERE Id IN (${nodes.map((n) => `'${n.id}'`).join(',')})`,
        )
      ).map((r) => [r.Id, r]),
    );
    // The org holds credit limits for some of these accounts: the rep still sees none.
    expect(nodes.some((n) => typeof truth.get(n.id)?.Credit_Limit__c === 'number')).toBe(true);
    for (const node of nodes) {
      expect(node.Credit_Limit__c).toBeNull();
      expect(node.Region__c).toBe(truth.get(node.id)?.Region__c ?? null);
      for (const opp of node.opportunities.nodes) expect(opp.Margin__c).toBeNull();
    }
    expect(
      nodes.some((n) => n.opportunities.nodes.some((o) => typeof o.Discount__c === 'number')),
    ).toBe(true);
  });

  it('an admin, whose profile sees the fields, gets their values', async () => {
    const res = await gw.graphql<Page>(ACCOUNTS, undefined, {
      authorization: `Bearer ${adminToken}`,
    });
    expect(res.errors).toBeUndefined();
    const nodes = res.data?.accounts.nodes ?? [];
    const truth = new Map(
      (
        await queryAll(
          sf,
          `SELECT Id, Credit_Limit__c FROM Account WHERE Id IN (${nodes.map((n) => `'${n.id}'`).join(',')})`,
        )
      ).map((r) => [r.Id, r]),
    );
    expect(nodes.some((n) => typeof n.Credit_Limit__c === 'number')).toBe(true);
    for (const node of nodes) {
      expect(node.Credit_Limit__c).toBe(truth.get(node.id)?.Credit_Limit__c ?? null);
    }
  });

  it('a rep searching with a hidden field selected gets null for it, no error', async () => {
    const [first] = await queryAll(
      sf,
      `SELECT Name FROM Account WHERE OwnerId IN (SELECT Id FROM User WHERE Username = 'rep1@atom-demo.org') AND Credit_Limit__c != null LIMIT 1`,
    );
    const name = String(first?.Name ?? '');
    const res = await gw.graphql<{
      search: Array<{ name?: string; Credit_Limit__c?: number | null; Region__c?: string | null }>;
    }>(
      `query($text: String!) { search(text: $text, types: [ACCOUNT]) { ... on Account { name Credit_Limit__c Region__c } } }`,
      { text: name },
      { authorization: `Bearer ${repToken}` },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.search.length).toBeGreaterThan(0);
    for (const hit of res.data?.search ?? []) expect(hit.Credit_Limit__c).toBeNull();
  });
});
