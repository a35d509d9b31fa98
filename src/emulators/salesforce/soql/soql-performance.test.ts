import { makeId } from '../model/ids';
import type { SObjectRecord } from '../model/types';
import { executeSoql } from './index';
import { ADMIN, FixtureOrg, REP1, context } from '../../../../test/helpers/emulator-soql-fixture';

/** Demo scale: 600 accounts and 6,000 opportunities, half owned by a rep. */
function bigOrg(opportunities: number): FixtureOrg {
  const owners = [ADMIN, REP1];
  const stages = ['Prospecting', 'Qualification', 'Closed Won', 'Closed Lost'];
  const accounts: SObjectRecord[] = Array.from({ length: opportunities / 10 }, (_, i) => ({
    Id: makeId('001', 1000 + i),
    Name: `Account ${i}`,
    OwnerId: (owners[i % 2] ?? ADMIN).Id,
    IsDeleted: false,
    Industry: i % 3 === 0 ? null : 'Technology',
  }));
  const opps: SObjectRecord[] = Array.from({ length: opportunities }, (_, i) => ({
    Id: makeId('006', 1000 + i),
    Name: `Opp ${i}`,
    AccountId: accounts[i % accounts.length]?.Id ?? null,
    OwnerId: (owners[i % 2] ?? ADMIN).Id,
    IsDeleted: false,
    StageName: stages[i % stages.length] ?? 'Prospecting',
    Amount: i % 7 === 0 ? null : (i * 37) % 100_000,
    CloseDate: `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    CreatedDate: '2024-01-01T00:00:00.000Z',
  }));
  const users = new FixtureOrg().tables.User ?? [];
  return new FixtureOrg(undefined, {
    User: users,
    Account: accounts,
    Opportunity: opps,
    Contact: [],
    Lead: [],
  });
}

const PAGE =
  'SELECT Id, Name, StageName, Amount, CloseDate, CreatedDate, Account.Name, Account.Industry, Account.Owner.Name, Owner.Name FROM Opportunity WHERE Amount != null ORDER BY CloseDate DESC, Id LIMIT 2000';

/** Median of five runs after three warm-ups: the steady state a running emulator sees. */
function timed(fn: () => void): number {
  for (let i = 0; i < 3; i++) fn();
  const runs = Array.from({ length: 5 }, () => {
    const start = process.hrtime.bigint();
    fn();
    return Number(process.hrtime.bigint() - start) / 1e6;
  });
  return runs.sort((a, b) => a - b)[2] ?? Number.POSITIVE_INFINITY;
}

describe('engine speed', () => {
  const org = bigOrg(6_000);

  it('serves a 2,000-row page of 6,000 opportunities with parent paths well under 100 ms', () => {
    const result = executeSoql(org, PAGE, context());
    expect(result.totalSize).toBe(2000);
    expect(result.records[0]).toHaveProperty('Account.Owner.Name');
    expect(timed(() => executeSoql(org, PAGE, context()))).toBeLessThan(100);
  });

  it('aggregates and sharing-filtered queries stay fast', () => {
    const soql = 'SELECT StageName, COUNT(Id), SUM(Amount) FROM Opportunity GROUP BY StageName';
    expect(executeSoql(org, soql, context()).totalSize).toBe(4);
    expect(timed(() => executeSoql(org, soql, context({ user: REP1 })))).toBeLessThan(100);
  });

  it('handles bench scale (60,000 opportunities) in well under a second', () => {
    const bench = bigOrg(60_000);
    expect(timed(() => executeSoql(bench, PAGE, context()))).toBeLessThan(1000);
  });
});
