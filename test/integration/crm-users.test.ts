import type { Connection } from 'jsforce';
import type { UsersCountedQuery, UsersPageQuery } from '../generated/graphql';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { gatewaySessionToken } from '../helpers/gateway-login';
import { operation } from '../helpers/operations';
import { directConnection, queryAll } from '../helpers/salesforce-direct';

type UserRow = UsersPageQuery['users']['nodes'][number];

describe('users(first, after, where, orderBy)', () => {
  let gw: TestGateway;
  let sf: Connection;

  beforeAll(async () => {
    gw = await startTestGateway({ emulator: { scale: 0.05 } });
    sf = await directConnection(gw.emulatorUrl);
  }, 60_000);

  /** One page, and the Salesforce API calls it cost (the emulator's own counter). */
  async function page(variables: Record<string, unknown>) {
    await gw.resetEmulatorStats();
    const res = await gw.graphql<UsersPageQuery>(operation('UsersPage'), variables);
    return { res, calls: (await gw.emulatorStats()).total };
  }

  it('walks every user of the org by name, two per page, each page one SOQL query', async () => {
    const expected = await queryAll(sf, 'SELECT Id, Name FROM User ORDER BY Name, Id');
    expect(expected.length).toBeGreaterThan(4);
    const seen: UserRow[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const { res, calls } = await page({ first: 2, after, orderBy: [{ field: 'NAME' }] });
      expect(res.errors).toBeUndefined();
      expect(calls).toBe(1);
      pages += 1;
      seen.push(...res.data!.users.nodes);
      if (!res.data!.users.pageInfo.hasNextPage) break;
      after = res.data!.users.pageInfo.endCursor;
    }
    expect(pages).toBe(Math.ceil(expected.length / 2));
    expect(seen.map((u) => u.id)).toEqual(expected.map((r) => r.Id));
    expect(seen.map((u) => u.name)).toEqual(expected.map((r) => r.Name));
  });

  it('filters by name and email with case-insensitive like, and by isActive', async () => {
    const byName = await page({ where: { name: { like: '%PATEL%' } } });
    expect(byName.res.errors).toBeUndefined();
    expect(byName.res.data!.users.nodes.map((u) => u.name)).toEqual(['Maya Patel']);

    const reps = await queryAll(sf, "SELECT Id FROM User WHERE Email LIKE 'rep_@%' ORDER BY Id");
    expect(reps).toHaveLength(4);
    const byEmail = await page({ where: { email: { like: 'REP_@%' } } });
    expect(byEmail.res.data!.users.nodes.map((u) => u.id)).toEqual(reps.map((r) => r.Id));

    const inactive = await page({ where: { isActive: { eq: false } } });
    expect(inactive.res.errors).toBeUndefined();
    expect(inactive.res.data!.users.nodes).toEqual([]);
    const active = await page({
      where: { isActive: { eq: true }, not: { email: { like: 'rep%' } } },
    });
    expect(active.res.data!.users.nodes.map((u) => u.name).sort()).toEqual([
      'Avery Admin',
      'Integration User',
    ]);
    expect(active.calls).toBe(1);
  });

  it('counts with one COUNT() query more when totalCount is selected', async () => {
    await gw.resetEmulatorStats();
    const res = await gw.graphql<UsersCountedQuery>(operation('UsersCounted'), {
      where: { email: { like: 'rep%' } },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.users.totalCount).toBe(4);
    expect(res.data!.users.nodes).toHaveLength(1);
    expect((await gw.emulatorStats()).total).toBe(2);
  });

  it.each([
    ['first above 200', { first: 201 }],
    ['first below 0', { first: -1 }],
    ['a cursor the gateway did not issue', { after: 'not-a-cursor' }],
    ['like: null', { where: { name: { like: null } } }],
    ['a malformed Id', { where: { id: { eq: '005-nope' } } }],
  ])('refuses %s with BAD_USER_INPUT and no Salesforce call', async (_label, variables) => {
    const { res, calls } = await page(variables);
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(calls).toBe(0);
  });
});

describe('users as a sales rep under private sharing', () => {
  it('lists every user of the org, though the rep sees only their own records', async () => {
    const gw = await startTestGateway({ env: { AUTH_MODE: 'user' }, emulator: { scale: 0.05 } });
    const sf = await directConnection(gw.emulatorUrl);
    const token = await gatewaySessionToken(gw.origin, 'rep1@atom-demo.org', 'demo-rep-pass');
    const res = await gw.graphql<UsersPageQuery>(
      operation('UsersPage'),
      { first: 50 },
      { authorization: `Bearer ${token}` },
    );
    expect(res.errors).toBeUndefined();
    const all = await queryAll(sf, 'SELECT Id FROM User ORDER BY Id');
    expect(res.data!.users.nodes.map((u) => u.id)).toEqual(all.map((r) => r.Id));
  }, 60_000);
});
