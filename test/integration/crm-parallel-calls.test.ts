import type { Connection } from 'jsforce';
import type {
  AccountsCountedPageQuery,
  AccountsPlainPageQuery,
  AccountsWithSiblingConnectionsQuery,
  OpportunitiesNestedCountedQuery,
  OpportunitiesNestedQuery,
  OpportunitiesNestedShapedQuery,
} from '../generated/graphql';
import type { TestGateway } from '../helpers/gateway';
import { operation } from '../helpers/operations';
import { startGatewayWithDirectSession } from '../helpers/salesforce-direct';

/**
 * Independent Salesforce calls of one operation go out together. Every call is held for
 * `LATENCY_MS` by the emulator, which counts the calls it serves at once
 * (`/__emulator/stats` `concurrency.peak`): calls sent one after the other never overlap,
 * calls sent together do, however fast or slow the machine is.
 */
const LATENCY_MS = 150;

describe('independent Salesforce calls of one operation run in parallel', () => {
  let gw: TestGateway;
  let sf: Connection;

  async function measure<T>(
    name: string,
    variables?: Record<string, unknown>,
  ): Promise<{ data: T; calls: number; byEndpoint: Record<string, number>; peak: number }> {
    await gw.resetEmulatorStats();
    const res = await gw.graphql<T>(operation(name), variables);
    expect(res.errors).toBeUndefined();
    if (!res.data) throw new Error(`${name} answered no data`);
    const stats = await gw.emulatorStats();
    expect(stats.concurrency.inFlight).toBe(0);
    return {
      data: res.data,
      calls: stats.total,
      byEndpoint: stats.byEndpoint,
      peak: stats.concurrency.peak,
    };
  }

  beforeAll(async () => {
    ({ gw, sf } = await startGatewayWithDirectSession({ latencyMs: LATENCY_MS }));
  }, 60_000);

  afterAll(() => gw.stop());

  it('a lone page is one call, so nothing overlaps (the observation is not always above 1)', async () => {
    const plain = await measure<AccountsPlainPageQuery>('AccountsPlainPage');
    expect(plain.calls).toBe(1);
    expect(plain.peak).toBe(1);
  });

  it('sends a page and its COUNT() together: two calls in flight at once', async () => {
    const counted = await measure<AccountsCountedPageQuery>('AccountsCountedPage');
    expect(counted.calls).toBe(2);
    expect(counted.byEndpoint).toEqual({ query: 2 });
    expect(counted.peak).toBe(2);
    expect(counted.data.accounts.totalCount).toBe(
      (await sf.query('SELECT COUNT() FROM Account')).totalSize,
    );
    expect(counted.data.accounts.nodes).toHaveLength(50);
  });

  it('sends sibling child connections and a child totalCount together after their page', async () => {
    const siblings = await measure<AccountsWithSiblingConnectionsQuery>(
      'AccountsWithSiblingConnections',
    );
    // The page; then contacts, their per-account counts and opportunities, all at once.
    expect(siblings.calls).toBe(4);
    expect(siblings.peak).toBe(3);
    const accounts = siblings.data.accounts.nodes;
    expect(accounts).toHaveLength(20);
    const ids = accounts.map((a) => `'${a.id}'`).join(', ');
    const counts = await sf.query<{ AccountId: string; expr0: number }>(
      `SELECT AccountId, COUNT(Id) FROM Contact WHERE AccountId IN (${ids}) GROUP BY AccountId`,
    );
    const expected = new Map(counts.records.map((r) => [r.AccountId, r.expr0]));
    for (const account of accounts) {
      expect(account.contacts.totalCount).toBe(expected.get(account.id) ?? 0);
      expect(account.contacts.nodes.length).toBe(Math.min(3, expected.get(account.id) ?? 0));
      expect(account.opportunities.nodes.length).toBeLessThanOrEqual(3);
    }
  });

  it("the bench's nested query is two calls, the second needing the first: they never overlap", async () => {
    // The page carries the accounts and owners as parent paths; the contacts' one batched
    // child query needs the page's account Ids. This is the floor (2 × latency) the bench's
    // p50 target is measured against: nothing else waits on a call.
    const nested = await measure<OpportunitiesNestedQuery>('OpportunitiesNested');
    expect(nested.calls).toBe(2);
    expect(nested.byEndpoint).toEqual({ query: 2 });
    expect(nested.peak).toBe(1);
    expect(nested.data.opportunities.nodes).toHaveLength(200);
  });

  it('the nested query with both totalCounts: each COUNT() goes out beside its page', async () => {
    const counted = await measure<OpportunitiesNestedCountedQuery>('OpportunitiesNestedCounted');
    // The page and its COUNT(); then the contacts' child query and their per-account counts.
    expect(counted.calls).toBe(4);
    expect(counted.byEndpoint).toEqual({ query: 4 });
    expect(counted.peak).toBe(2);
    expect(counted.data.opportunities.totalCount).toBe(
      (await sf.query('SELECT COUNT() FROM Opportunity')).totalSize,
    );
    const accountNames = new Set<string>();
    for (const opportunity of counted.data.opportunities.nodes) {
      const account = opportunity.account;
      if (!account) continue;
      expect(account.contacts.nodes.length).toBe(Math.min(5, account.contacts.totalCount));
      accountNames.add(account.name);
    }
    expect(accountNames.size).toBeGreaterThan(1);
  });

  it("starts the rows' child pages with the very loads their resolvers make (fragments, aliases, variables)", async () => {
    // The page's child connections start as soon as the page arrives, before graphql-js
    // walks the rows; a load whose spec differed from the resolver's would be a third query.
    const shaped = await measure<OpportunitiesNestedShapedQuery>('OpportunitiesNestedShaped', {
      contactsFirst: 2,
      emailLike: '%@%',
    });
    // The page; then the contacts' child query and their per-account counts, together.
    expect(shaped.calls).toBe(3);
    expect(shaped.byEndpoint).toEqual({ query: 3 });
    expect(shaped.peak).toBe(2);
    const people = shaped.data.opportunities.edges.flatMap((e) =>
      e.node.account ? [e.node.account.people] : [],
    );
    expect(people.length).toBeGreaterThan(50);
    for (const page of people) {
      expect(page.nodes.length).toBe(Math.min(2, page.totalCount));
      const names = page.nodes.map((c) => c.lastName);
      expect(names).toEqual([...names].sort());
    }
  });

  it('adds no call when the rows are selected both as nodes and as edges with different child fields', async () => {
    // graphql-js resolves `contacts` under `nodes` and under `edges.node` apart, each with its
    // own fields: two child queries, and no third from a prefetch of their merged selection.
    await gw.resetEmulatorStats();
    const res = await gw.graphql<{ accounts: { nodes: unknown[]; edges: unknown[] } }>(
      `{ accounts(first: 5, orderBy: [{ field: NAME }]) {
          nodes { id contacts(first: 2) { nodes { id } } }
          edges { node { id contacts(first: 2) { nodes { lastName } } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.accounts.nodes).toHaveLength(5);
    expect((await gw.emulatorStats()).total).toBe(3);
  });
});
