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
