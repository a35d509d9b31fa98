/**
 * The cross-request cache end to end: the gateway over HTTP, the emulated org written
 * through jsforce directly (not the gateway), change events over the emulator's CometD.
 */
import type { Connection } from 'jsforce';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { gatewaySessionToken } from '../helpers/gateway-login';
import { connectToEmulator } from '../helpers/salesforce-target';
import { waitFor } from '../helpers/wait-for';

const METRICS_TOKEN = 'cache-test-metrics-token';

const DASHBOARD = `query Dashboard {
  accounts(first: 10, orderBy: [{ field: NAME }]) {
    totalCount
    edges { node { id name owner { name } contacts(first: 3) { totalCount edges { node { id lastName } } } } }
  }
  opportunities(first: 10, orderBy: [{ field: NAME }]) {
    totalCount
    edges { node { id name amount stageName account { name } } }
  }
  pipeline { count amount stages { stageName count amount } }
}`;

const PIPELINE = 'query { pipeline { count amount } }';
const OPPORTUNITY = `query ($id: ID!) { opportunity(id: $id) { id amount } }`;
const OPPORTUNITIES_BY_AMOUNT = `query { opportunities(first: 5, orderBy: [{ field: AMOUNT, direction: DESC }]) { edges { node { id amount } } } }`;

interface OpportunityAnswer {
  opportunity: { id: string; amount: number | null } | null;
}

async function expectData<T>(
  gw: TestGateway,
  query: string,
  variables?: Record<string, unknown>,
  headers?: Record<string, string>,
): Promise<T> {
  const res = await gw.graphql<T>(query, variables, headers);
  expect(res.errors).toBeUndefined();
  if (res.data === undefined) throw new Error('no data');
  return res.data;
}

/** Salesforce API calls a step makes, counted by the emulator. */
async function salesforceCalls(gw: TestGateway, step: () => Promise<unknown>): Promise<number> {
  await gw.resetEmulatorStats();
  await step();
  return (await gw.emulatorStats()).total;
}

async function readyzCache(gw: TestGateway): Promise<Record<string, unknown>> {
  const response = await fetch(`${gw.origin}/readyz`, { headers: { 'x-api-key': 'details' } });
  const body = (await response.json()) as { salesforce?: { cache?: Record<string, unknown> } };
  return body.salesforce?.cache ?? {};
}

function status(gw: TestGateway) {
  const current = gw.gateway.cacheStatus();
  if (current === undefined) throw new Error('the cache is off');
  return current;
}

describe('cross-request cache, with change events (demo mode)', () => {
  let gw: TestGateway;
  let sf: Connection;

  beforeAll(async () => {
    gw = await startTestGateway({
      env: { CACHE_ENABLED: 'true', METRICS_TOKEN, SUBSCRIPTIONS_NAMESPACE: 'cache-it' },
    });
    sf = await connectToEmulator(gw.emulatorUrl, 'admin');
    // The cache listens to the change stream from boot; until confirmed it relies on the TTL.
    await waitFor(() => status(gw).invalidation === 'change-events', 15_000);
  });

  afterAll(() => gw.stop());

  it('answers a repeated dashboard with zero Salesforce calls and the same data', async () => {
    let first: unknown;
    const cold = await salesforceCalls(gw, async () => {
      first = await expectData(gw, DASHBOARD);
    });
    expect(cold).toBeGreaterThan(0);
    let second: unknown;
    const warm = await salesforceCalls(gw, async () => {
      second = await expectData(gw, DASHBOARD);
    });
    expect(warm).toBe(0);
    expect(second).toEqual(first);
  });

  it('shows a write made directly in Salesforce once its change event arrived, every time', async () => {
    const [target] = (
      await expectData<{ opportunities: { edges: Array<{ node: { id: string } }> } }>(
        gw,
        OPPORTUNITIES_BY_AMOUNT,
      )
    ).opportunities.edges;
    if (target === undefined) throw new Error('no opportunity in the seed');
    const id = target.node.id;
    for (let round = 1; round <= 5; round += 1) {
      // Warm: the record and the sorted list come from the cache.
      await expectData(gw, OPPORTUNITY, { id });
      await expectData(gw, OPPORTUNITIES_BY_AMOUNT);
      expect(
        await salesforceCalls(gw, () =>
          Promise.all([
            expectData(gw, OPPORTUNITY, { id }),
            expectData(gw, OPPORTUNITIES_BY_AMOUNT),
          ]),
        ),
      ).toBe(0);
      const amount = 9_000_000 + round;
      const seen = status(gw).changeEvents;
      const saved = await sf.sobject('Opportunity').update({ Id: id, Amount: amount });
      expect(saved).toMatchObject({ success: true });
      await waitFor(() => status(gw).changeEvents > seen, 10_000);
      const after = await expectData<OpportunityAnswer>(gw, OPPORTUNITY, { id });
      expect(after.opportunity?.amount).toBe(amount);
      const list = await expectData<{
        opportunities: { edges: Array<{ node: { id: string; amount: number } }> };
      }>(gw, OPPORTUNITIES_BY_AMOUNT);
      expect(list.opportunities.edges[0]?.node).toEqual({ id, amount });
    }
  });

  it('drops the requested types on refreshCache and keeps the others', async () => {
    const accounts = 'query { accounts(first: 5) { edges { node { id name } } } }';
    const opportunities = 'query { opportunities(first: 5) { edges { node { id name } } } }';
    await expectData(gw, accounts);
    await expectData(gw, opportunities);
    const refreshed = await expectData<{ refreshCache: boolean }>(
      gw,
      'mutation { refreshCache(types: [OPPORTUNITY]) }',
    );
    expect(refreshed.refreshCache).toBe(true);
    expect(await salesforceCalls(gw, () => expectData(gw, accounts))).toBe(0);
    expect(await salesforceCalls(gw, () => expectData(gw, opportunities))).toBeGreaterThan(0);
    await expectData(gw, 'mutation { refreshCache }');
    expect(await salesforceCalls(gw, () => expectData(gw, accounts))).toBeGreaterThan(0);
  });

  it('refuses an unknown type in refreshCache as a validation error', async () => {
    const res = await gw.graphql('mutation { refreshCache(types: [INVOICE]) }');
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('counts hits and misses per object type, and says in /readyz that change events invalidate it', async () => {
    await expectData(gw, DASHBOARD);
    const response = await fetch(`${gw.origin}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    const text = await response.text();
    const count = (type: string, result: string): number => {
      const line = text
        .split('\n')
        .find((l) =>
          l.startsWith(`gateway_cache_lookups_total{type="${type}",result="${result}"}`),
        );
      return line === undefined ? 0 : Number(line.split(' ').pop());
    };
    expect(count('Account', 'hit')).toBeGreaterThan(0);
    expect(count('Account', 'miss')).toBeGreaterThan(0);
    expect(count('Opportunity', 'hit')).toBeGreaterThan(0);
    expect(text).toContain('gateway_cache_change_events_active 1');
    expect(await readyzCache(gw)).toMatchObject({
      enabled: true,
      store: 'memory',
      invalidation: 'change-events',
    });
  });
});

describe('cross-request cache: each change drops only what it can alter', () => {
  let gw: TestGateway;
  let sf: Connection;

  beforeAll(async () => {
    gw = await startTestGateway({
      env: { CACHE_ENABLED: 'true', SUBSCRIPTIONS_NAMESPACE: 'cache-facets-it' },
    });
    sf = await connectToEmulator(gw.emulatorUrl, 'admin');
    await waitFor(() => status(gw).invalidation === 'change-events', 15_000);
  });

  afterAll(() => gw.stop());

  const FIRST =
    'query { accounts(first: 5, orderBy: [{ field: NAME }]) { nodes { id name phone } } }';
  const LAST =
    'query { accounts(first: 5, orderBy: [{ field: NAME, direction: DESC }]) { nodes { id name phone } } }';
  const DEALS =
    'query { opportunities(first: 5, orderBy: [{ field: NAME }]) { nodes { id name amount } } }';
  type Accounts = {
    accounts: { nodes: Array<{ id: string; name: string; phone: string | null }> };
  };

  /** A direct Salesforce update, returned once its change event reached the cache. */
  async function directUpdate(object: string, record: Record<string, unknown>): Promise<void> {
    const seen = status(gw).changeEvents;
    expect(await sf.sobject(object).update(record as { Id: string })).toMatchObject({
      success: true,
    });
    await waitFor(() => status(gw).changeEvents > seen, 10_000);
  }

  it('an update of a field no read filters on drops only the entries holding that record', async () => {
    const first = await expectData<Accounts>(gw, FIRST);
    const last = await expectData<Accounts>(gw, LAST);
    await expectData(gw, DEALS);
    const target = first.accounts.nodes[1];
    if (target === undefined) throw new Error('seed too small');
    expect(last.accounts.nodes.map((n) => n.id)).not.toContain(target.id);
    await directUpdate('Account', { Id: target.id, Phone: '+1 555 0101' });
    expect(await salesforceCalls(gw, () => expectData(gw, LAST))).toBe(0);
    expect(await salesforceCalls(gw, () => expectData(gw, DEALS))).toBe(0);
    let fresh: Accounts | undefined;
    expect(
      await salesforceCalls(gw, async () => {
        fresh = await expectData<Accounts>(gw, FIRST);
      }),
    ).toBeGreaterThan(0);
    expect(fresh?.accounts.nodes.find((n) => n.id === target.id)?.phone).toBe('+1 555 0101');
  });

  it('an update of a field a read sorts on drops that read even when the record was not in it', async () => {
    const first = await expectData<Accounts>(gw, FIRST);
    const last = await expectData<Accounts>(gw, LAST);
    await expectData(gw, DEALS);
    const mover = last.accounts.nodes[0];
    if (mover === undefined) throw new Error('seed too small');
    // Renamed to sort first: it must appear at the top of FIRST, which never held it.
    const name = `!${mover.name}`;
    expect(first.accounts.nodes.map((n) => n.id)).not.toContain(mover.id);
    await directUpdate('Account', { Id: mover.id, Name: name });
    expect(await salesforceCalls(gw, () => expectData(gw, DEALS))).toBe(0);
    const after = await expectData<Accounts>(gw, FIRST);
    expect(after.accounts.nodes[0]).toMatchObject({ id: mover.id, name });
  });

  it("keeps the record a mutation returned, and its change event's echo drops nothing", async () => {
    const deals = await expectData<{ opportunities: { nodes: Array<{ id: string }> } }>(gw, DEALS);
    const id = deals.opportunities.nodes[0]?.id;
    if (id === undefined) throw new Error('no opportunity');
    await expectData(gw, PIPELINE);
    const events = status(gw).echoes + status(gw).changeEvents;
    const saved = await expectData<{ updateOpportunity: { id: string; amount: number } }>(
      gw,
      'mutation ($id: ID!) { updateOpportunity(id: $id, input: { amount: 4242 }) { id amount } }',
      { id },
    );
    expect(saved.updateOpportunity.amount).toBe(4242);
    // Its change event may arrive before the update's answer (then it drops entries read
    // before the write, which the write drops too) or after (an echo: nothing is dropped).
    await waitFor(() => status(gw).echoes + status(gw).changeEvents > events, 10_000);
    let read: OpportunityAnswer | undefined;
    expect(
      await salesforceCalls(gw, async () => {
        read = await expectData<OpportunityAnswer>(gw, OPPORTUNITY, { id });
      }),
    ).toBe(0);
    expect(read?.opportunity).toEqual({ id, amount: 4242 });
    // The amount feeds the pipeline: that entry was dropped by the write itself.
    expect(await salesforceCalls(gw, () => expectData(gw, PIPELINE))).toBeGreaterThan(0);
    expect(await salesforceCalls(gw, () => expectData(gw, PIPELINE))).toBe(0);
  });

  it('an owner change drops every type: who sees what has changed', async () => {
    const deals = await expectData<{ opportunities: { nodes: Array<{ id: string }> } }>(gw, DEALS);
    await expectData(gw, LAST);
    expect(await salesforceCalls(gw, () => expectData(gw, LAST))).toBe(0);
    const id = deals.opportunities.nodes[2]?.id;
    if (id === undefined) throw new Error('no opportunity');
    const current = await sf.query<{ OwnerId: string }>(
      `SELECT OwnerId FROM Opportunity WHERE Id = '${id}'`,
    );
    const others = await sf.query<{ Id: string }>(
      `SELECT Id FROM User WHERE Username LIKE 'rep%' AND Id != '${current.records[0]?.OwnerId}'`,
    );
    await directUpdate('Opportunity', { Id: id, OwnerId: others.records[0]?.Id });
    expect(await salesforceCalls(gw, () => expectData(gw, LAST))).toBeGreaterThan(0);
  });
});

describe('cross-request cache without change events', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    // No change stream, and a fallback TTL long enough that only the write can drop entries.
    gw = await startTestGateway({
      env: { CACHE_ENABLED: 'true', CACHE_FALLBACK_TTL_MS: '600000' },
      subscriptions: { enabled: false },
    });
  });

  afterAll(() => gw.stop());

  it('says so in /readyz', async () => {
    expect(await readyzCache(gw)).toMatchObject({ enabled: true, invalidation: 'ttl-only' });
  });

  it("shows the gateway's own write on the very next read", async () => {
    const list = await expectData<{ opportunities: { edges: Array<{ node: { id: string } }> } }>(
      gw,
      OPPORTUNITIES_BY_AMOUNT,
    );
    const id = list.opportunities.edges[0]?.node.id;
    if (id === undefined) throw new Error('no opportunity in the seed');
    for (let round = 1; round <= 3; round += 1) {
      await expectData(gw, OPPORTUNITY, { id });
      expect(await salesforceCalls(gw, () => expectData(gw, OPPORTUNITY, { id }))).toBe(0);
      const amount = 7_000_000 + round;
      await expectData(
        gw,
        'mutation ($id: ID!, $amount: Float!) { updateOpportunity(id: $id, input: { amount: $amount }) { id amount } }',
        { id, amount },
      );
      const after = await expectData<OpportunityAnswer>(gw, OPPORTUNITY, { id });
      expect(after.opportunity?.amount).toBe(amount);
    }
  });

  it('shows the probability the org set when the gateway wrote only the stage', async () => {
    const OPEN = `query { opportunities(first: 1, where: { stageName: { eq: "Prospecting" } }, orderBy: [{ field: NAME }]) { nodes { id probability } } }`;
    // Not the stage: an entry showing it would be dropped by the stage alone.
    const BY_ID = `query ($id: ID!) { opportunity(id: $id) { id probability } }`;
    const open = await expectData<{ opportunities: { nodes: Array<{ id: string }> } }>(gw, OPEN);
    const id = open.opportunities.nodes[0]?.id;
    if (id === undefined) throw new Error('no Prospecting opportunity in the seed');
    const before = await expectData<{ opportunity: { probability: number } }>(gw, BY_ID, { id });
    expect(await salesforceCalls(gw, () => expectData(gw, BY_ID, { id }))).toBe(0);
    await expectData(
      gw,
      'mutation ($id: ID!) { updateOpportunity(id: $id, input: { stageName: "Negotiation/Review" }) { id } }',
      { id },
    );
    const sf = await connectToEmulator(gw.emulatorUrl, 'admin');
    const [row] = (
      await sf.query<{ Probability: number }>(
        `SELECT Probability FROM Opportunity WHERE Id = '${id}'`,
      )
    ).records;
    // The org moved the probability with the stage: the cached read must not keep the old one.
    expect(row?.Probability).not.toBe(before.opportunity.probability);
    const after = await expectData<{ opportunity: { probability: number } }>(gw, BY_ID, { id });
    expect(after.opportunity.probability).toBe(row?.Probability);
  });
});

describe('cross-request cache per visibility scope (AUTH_MODE=user)', () => {
  let gw: TestGateway;
  let repToken: string;
  let managerToken: string;
  let repTotal: number;
  let managerTotal: number;
  const ACCOUNTS = 'query { accounts(first: 200) { totalCount edges { node { id } } } }';

  interface Accounts {
    accounts: { totalCount: number; edges: Array<{ node: { id: string } }> };
  }

  beforeAll(async () => {
    gw = await startTestGateway({ env: { AUTH_MODE: 'user', CACHE_ENABLED: 'true' } });
    repToken = await gatewaySessionToken(gw.origin, 'rep1@atom-demo.org', 'demo-rep-pass');
    managerToken = await gatewaySessionToken(gw.origin, 'admin@atom-demo.org', 'demo-admin-pass');
    const count = async (user: 'rep1' | 'admin') => {
      const conn = await connectToEmulator(gw.emulatorUrl, user);
      return (await conn.query('SELECT COUNT() FROM Account')).totalSize;
    };
    repTotal = await count('rep1');
    managerTotal = await count('admin');
    expect(repTotal).toBeLessThan(managerTotal);
  });

  afterAll(() => gw.stop());

  const as = (token: string) => ({ authorization: `Bearer ${token}` });

  it("never gives a rep the manager's cached rows (manager first)", async () => {
    await expectData(gw, 'mutation { refreshCache }', undefined, as(managerToken));
    const manager = await expectData<Accounts>(gw, ACCOUNTS, undefined, as(managerToken));
    const rep = await expectData<Accounts>(gw, ACCOUNTS, undefined, as(repToken));
    expect(manager.accounts.totalCount).toBe(managerTotal);
    expect(rep.accounts.totalCount).toBe(repTotal);
    expect(rep.accounts.edges.length).toBeLessThan(manager.accounts.edges.length);
    // Both are cached now, each for its own scope.
    const again = await salesforceCalls(gw, async () => {
      expect(
        (await expectData<Accounts>(gw, ACCOUNTS, undefined, as(repToken))).accounts.totalCount,
      ).toBe(repTotal);
    });
    expect(again).toBe(0);
  });

  it("never gives the manager a rep's cached rows (rep first)", async () => {
    await expectData(gw, 'mutation { refreshCache }', undefined, as(repToken));
    const rep = await expectData<Accounts>(gw, ACCOUNTS, undefined, as(repToken));
    const manager = await expectData<Accounts>(gw, ACCOUNTS, undefined, as(managerToken));
    expect(rep.accounts.totalCount).toBe(repTotal);
    expect(manager.accounts.totalCount).toBe(managerTotal);
  });
});
