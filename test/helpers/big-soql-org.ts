import { makeId } from '../../src/emulators/salesforce/model/ids';
import type { SObjectRecord } from '../../src/emulators/salesforce/model/types';
import { ADMIN, FixtureOrg, REP1 } from './emulator-soql-fixture';

/** `opportunities` opportunities over a tenth as many accounts, half of each owned by a rep. */
export function bigSoqlOrg(opportunities: number): FixtureOrg {
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

export const BIG_ORG_PAGE =
  'SELECT Id, Name, StageName, Amount, CloseDate, CreatedDate, Account.Name, Account.Industry, Account.Owner.Name, Owner.Name FROM Opportunity WHERE Amount != null ORDER BY CloseDate DESC, Id LIMIT 2000';

export const BIG_ORG_AGGREGATE =
  'SELECT StageName, COUNT(Id), SUM(Amount) FROM Opportunity GROUP BY StageName';
