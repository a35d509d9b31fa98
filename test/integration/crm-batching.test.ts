import type { Connection } from 'jsforce';
import type { TestGateway } from '../helpers/gateway';
import {
  queryAll,
  startGatewayWithDirectSession,
  type SalesforceRow,
} from '../helpers/salesforce-direct';

interface OppPage {
  opportunities: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: Array<{ id: string; amount: number | null }>;
  };
}

describe('CRM paging and Salesforce call counts (scale 4)', () => {
  let gw: TestGateway;
  let sf: Connection;

  /** Salesforce API calls one GraphQL operation costs, read from the emulator's own counter. */
  async function callsFor(query: string, variables?: Record<string, unknown>) {
    await gw.resetEmulatorStats();
    const res = await gw.graphql<Record<string, unknown>>(query, variables);
    expect(res.errors).toBeUndefined();
    return { res, calls: (await gw.emulatorStats()).total };
  }

  beforeAll(async () => {
    ({ gw, sf } = await startGatewayWithDirectSession({ scale: 4 }));
  }, 120_000);

  it('walks >2,000 opportunities by a nullable sort key with ties, every record exactly once', async () => {
    const all = await queryAll(sf, 'SELECT Id FROM Opportunity');
    expect(all.length).toBeGreaterThan(2000);
    const seen: Array<{ id: string; amount: number | null }> = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const res: { data?: OppPage; errors?: unknown[] } = await gw.graphql<OppPage>(
        `query ($after: String) { opportunities(first: 200, after: $after, orderBy: [{ field: AMOUNT, direction: DESC, nulls: LAST }]) {
          pageInfo { hasNextPage endCursor } nodes { id amount } } }`,
        { after },
      );
      expect(res.errors).toBeUndefined();
      pages += 1;
      seen.push(...res.data!.opportunities.nodes);
      if (!res.data!.opportunities.pageInfo.hasNextPage) break;
      after = res.data!.opportunities.pageInfo.endCursor;
    }
    expect(pages).toBe(Math.ceil(all.length / 200));
    expect(new Set(seen.map((o) => o.id)).size).toBe(seen.length);
    expect(seen.map((o) => o.id).sort()).toEqual(all.map((r) => r.Id).sort());
    // Descending amounts, ties present, every null after the last amount.
    const amounts = seen.map((o) => o.amount);
    const firstNull = amounts.indexOf(null);
    expect(firstNull).toBeGreaterThan(0);
    expect(amounts.slice(firstNull).every((a) => a === null)).toBe(true);
    const numbers = amounts.slice(0, firstNull) as number[];
    expect(numbers.every((a, i) => i === 0 || a <= numbers[i - 1]!)).toBe(true);
    expect(new Set(numbers).size).toBeLessThan(numbers.length);
  });

  it('costs exactly one call for one page of one object, and a COUNT only when totalCount is selected', async () => {
    const plain = await callsFor('{ accounts(first: 50) { nodes { id name } } }');
    expect(plain.calls).toBe(1);
    const counted = await callsFor('{ accounts(first: 50) { totalCount nodes { id } } }');
    expect(counted.calls).toBe(2);
    const total = (await sf.query('SELECT COUNT() FROM Account')).totalSize;
    expect((counted.res.data as { accounts: { totalCount: number } }).accounts.totalCount).toBe(
      total,
    );
  });

  it('loads 200 opportunities with account { name owner { name } } in one call (paths ride in the SOQL)', async () => {
    const { res, calls } = await callsFor(
      '{ opportunities(first: 200) { nodes { id account { name owner { name } } } } }',
    );
    expect(calls).toBe(1);
    const nodes = (
      res.data as {
        opportunities: {
          nodes: Array<{ account: { name: string; owner: { name: string } | null } | null }>;
        };
      }
    ).opportunities.nodes;
    expect(nodes).toHaveLength(200);
    expect(nodes.some((n) => typeof n.account?.owner?.name === 'string')).toBe(true);
  });

  it('loads 200 opportunities with account { contacts(first: 5) } in two calls (one batched child query)', async () => {
    const { res, calls } = await callsFor(
      '{ opportunities(first: 200) { nodes { id account { contacts(first: 5) { nodes { email } } } } } }',
    );
    expect(calls).toBeLessThanOrEqual(2);
    const nodes = (
      res.data as {
        opportunities: { nodes: Array<{ account: { contacts: { nodes: unknown[] } } | null }> };
      }
    ).opportunities.nodes;
    expect(nodes.some((n) => (n.account?.contacts.nodes.length ?? 0) > 0)).toBe(true);
  });

  it('loads 200 opportunities with account, owner and account contacts in at most 3 calls', async () => {
    const { res, calls } = await callsFor(`{
      opportunities(first: 200) { nodes {
        id
        account { name owner { name } contacts(first: 5) { nodes { email } } }
      } }
    }`);
    expect(calls).toBeLessThanOrEqual(3);
    const nodes = (
      res.data as {
        opportunities: {
          nodes: Array<{
            account: {
              name: string;
              owner: { name: string };
              contacts: { nodes: unknown[] };
            } | null;
          }>;
        };
      }
    ).opportunities.nodes;
    expect(nodes).toHaveLength(200);
    const withAccount = nodes.filter((n) => n.account !== null);
    expect(withAccount.length).toBeGreaterThan(0);
    expect(withAccount.some((n) => n.account!.contacts.nodes.length > 0)).toBe(true);
    for (const node of withAccount) {
      expect(typeof node.account!.name).toBe('string');
      expect(node.account!.contacts.nodes.length).toBeLessThanOrEqual(5);
    }
  });

  it('batches parents fetched by id when the path did not ride in the SOQL (lead → converted records)', async () => {
    const { res, calls } = await callsFor(`{
      leads(first: 100, where: { isConverted: { eq: true } }) { nodes {
        convertedAccount { name contacts(first: 2) { nodes { id } } }
        convertedOpportunity { name account { name } }
      } }
    }`);
    const nodes = (
      res.data as { leads: { nodes: Array<{ convertedAccount: { name: string } | null }> } }
    ).leads.nodes;
    expect(nodes.length).toBeGreaterThan(0);
    expect(calls).toBeLessThanOrEqual(3);
  });

  it('answers the same contacts through the batched first page as through a direct query', async () => {
    const accounts = (await sf.query<SalesforceRow>('SELECT Id FROM Account ORDER BY Id LIMIT 30'))
      .records;
    const res = await gw.graphql<{
      accounts: { nodes: Array<{ id: string; contacts: { nodes: Array<{ id: string }> } }> };
    }>(
      `{ accounts(first: 30) { nodes { id contacts(first: 3, orderBy: [{ field: EMAIL, nulls: LAST }]) { nodes { id } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const children = await queryAll(
      sf,
      `SELECT AccountId, Id FROM Contact WHERE AccountId IN (${accounts.map((a) => `'${a.Id}'`).join(',')}) ORDER BY Email ASC NULLS LAST, Id ASC`,
    );
    for (const account of res.data!.accounts.nodes) {
      const expected = children
        .filter((c) => c.AccountId === account.id)
        .slice(0, 3)
        .map((c) => c.Id);
      expect(account.contacts.nodes.map((c) => c.id)).toEqual(expected);
    }
  });
});
