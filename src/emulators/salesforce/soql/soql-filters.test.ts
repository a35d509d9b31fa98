import { executeSoql } from './index';
import {
  ADMIN,
  FixtureOrg,
  ID,
  REP1,
  context,
} from '../../../../test/helpers/emulator-soql-fixture';
import type { QueryContext } from '../model/types';

const org = new FixtureOrg();
const ids = (soql: string, ctx: Partial<QueryContext> = {}): string[] =>
  executeSoql(org, soql, context(ctx))
    .records.map((r) => String(r.Id))
    .sort();
const sorted = (...values: string[]): string[] => [...values].sort();
const accounts = (where: string) => ids(`SELECT Id FROM Account WHERE ${where}`);
const opps = (where: string) => ids(`SELECT Id FROM Opportunity WHERE ${where}`);

describe('WHERE operators and Salesforce semantics', () => {
  it.each<[string, string[]]>([
    ["Name = 'ACME'", [ID.acme]],
    ["Name != 'acme'", [ID.acmeLabs, ID.pure]],
    ["Name <> 'acme'", [ID.acmeLabs, ID.pure]],
    ['AnnualRevenue > 500000', [ID.acme]],
    ['AnnualRevenue >= 500000', [ID.acme, ID.acmeLabs]],
    ['AnnualRevenue < 500000', [ID.pure]],
    ['AnnualRevenue <= 500000', [ID.acmeLabs, ID.pure]],
    ['NumberOfEmployees != 100', [ID.acmeLabs, ID.pure]],
    ["Industry IN ('technology', 'ENERGY')", [ID.acme, ID.pure]],
    ["Industry NOT IN ('Technology')", [ID.acmeLabs, ID.pure]],
    ["Name > 'acme'", [ID.acmeLabs]],
    ["Name < 'B'", [ID.acme, ID.acmeLabs, ID.pure]],
    ["Type = 'Prospect'", [ID.acmeLabs]],
    ['Industry = null', []],
    ['NumberOfEmployees = null', [ID.acmeLabs]],
    ['NumberOfEmployees != null', [ID.acme, ID.pure]],
    ['AnnualRevenue = USD1000000', [ID.acme]],
    ['AnnualRevenue = 200000.0', [ID.pure]],
  ])('%s', (where, expected) => {
    expect(accounts(where)).toEqual(sorted(...expected));
  });

  it('text comparisons ignore case but keep the stored value', () => {
    const result = executeSoql(org, "SELECT Name FROM Account WHERE Name = 'ACME LABS'", context());
    expect(result.records.map((r) => r.Name)).toEqual(['acme labs']);
  });

  it('!= and NOT IN include nulls; other comparisons with null are false', () => {
    expect(opps('Amount != 1000')).toEqual(sorted(ID.small, ID.mid, ID.pureDeal));
    expect(opps('Amount NOT IN (1000, 100)')).toEqual(sorted(ID.mid, ID.pureDeal));
    expect(opps('Amount < 1000000')).toEqual(sorted(ID.bigDeal, ID.small, ID.pureDeal));
    expect(opps('Amount IN (100, null)')).toEqual(sorted(ID.small, ID.mid));
    expect(ids("SELECT Id FROM Contact WHERE Email != 'ann@acme.com'")).toEqual(
      sorted(ID.bob, ID.cy, ID.orphan),
    );
    expect(ids("SELECT Id FROM Contact WHERE Email LIKE '%'")).toEqual(sorted(ID.ann, ID.cy));
  });

  it('booleans compare with true/false', () => {
    expect(opps('IsWon = true')).toEqual([ID.bigDeal]);
    expect(opps('IsClosed = false')).toEqual(sorted(ID.small, ID.mid));
    expect(opps('IsWon != TRUE')).toEqual(sorted(ID.small, ID.mid, ID.pureDeal));
  });

  describe('LIKE', () => {
    it.each<[string, string[]]>([
      ["Name LIKE 'acme%'", [ID.acme, ID.acmeLabs]],
      ["Name LIKE '%LABS'", [ID.acmeLabs]],
      ["Name LIKE 'a_me'", [ID.acme]],
      ["Name LIKE '100\\% Pure\\_Co'", [ID.pure]],
      ["Name LIKE '100\\%%'", [ID.pure]],
      ["Name LIKE '%\\_%'", [ID.pure]],
      ["Name LIKE '1_0%'", [ID.pure]],
      ["Name LIKE 'Pure%'", []],
      ["Name LIKE '%.%'", []],
    ])('%s', (where, expected) => {
      expect(accounts(where)).toEqual(sorted(...expected));
    });
  });

  describe('AND / OR / NOT', () => {
    it.each<[string, string[]]>([
      ["Industry = 'Technology' AND AnnualRevenue > 10", [ID.acme]],
      ["Industry = 'Technology' OR Industry = 'Banking'", [ID.acme, ID.acmeLabs]],
      ["(Industry = 'Technology' OR Industry = 'Energy') AND NumberOfEmployees < 50", [ID.pure]],
      [
        "Industry = 'Banking' OR (Industry = 'Energy' AND NumberOfEmployees = 10)",
        [ID.acmeLabs, ID.pure],
      ],
      ["NOT Industry = 'Technology'", [ID.acmeLabs, ID.pure]],
      ["NOT (Industry = 'Technology' OR Industry = 'Banking')", [ID.pure]],
      ["(NOT Industry = 'Technology') AND NumberOfEmployees = 10", [ID.pure]],
      ["Name LIKE 'a%' AND (NOT Name LIKE '%labs')", [ID.acme]],
      ["((Industry = 'Banking' OR Industry = 'Energy')) AND AnnualRevenue > 300000", [ID.acmeLabs]],
      ["Name = 'x' OR Name = 'y' OR Name = 'acme'", [ID.acme]],
    ])('%s', (where, expected) => {
      expect(accounts(where)).toEqual(sorted(...expected));
    });
  });

  describe('Ids', () => {
    it('accepts 15- and 18-character Ids in literals', () => {
      expect(accounts(`Id = '${ID.acme.slice(0, 15)}'`)).toEqual([ID.acme]);
      expect(accounts(`Id IN ('${ID.acme}', '${ID.pure.slice(0, 15)}')`)).toEqual(
        sorted(ID.acme, ID.pure),
      );
      expect(accounts(`ParentId = '${ID.acme.slice(0, 15)}'`)).toEqual(
        sorted(ID.acmeLabs, ID.pure),
      );
      expect(accounts(`Id != '${ID.acme}'`)).toEqual(sorted(ID.acmeLabs, ID.pure));
    });

    it('compares Ids as strings for keyset pagination', () => {
      expect(accounts(`Id > '${ID.acme}'`)).toEqual(sorted(ID.acmeLabs, ID.pure));
    });
  });

  describe('parent paths in WHERE', () => {
    it('filters through several levels', () => {
      expect(ids("SELECT Id FROM Contact WHERE Account.Owner.Name = 'rep one'")).toEqual(
        sorted(ID.ann, ID.bob),
      );
      expect(ids("SELECT Id FROM Contact WHERE Account.Parent.Name = 'Acme'")).toEqual([ID.cy]);
      expect(ids('SELECT Id FROM Contact WHERE Account.Name = null')).toEqual([ID.orphan]);
    });
  });

  describe('semi-joins and anti-joins', () => {
    it('Id IN (SELECT AccountId ...)', () => {
      expect(accounts("Id IN (SELECT AccountId FROM Contact WHERE Email LIKE '%.com')")).toEqual(
        sorted(ID.acme, ID.acmeLabs),
      );
    });

    it('Id NOT IN (SELECT AccountId ...)', () => {
      expect(accounts('Id NOT IN (SELECT AccountId FROM Opportunity WHERE IsWon = true)')).toEqual(
        sorted(ID.acmeLabs, ID.pure),
      );
    });

    it('a reference field against a subquery of Ids', () => {
      expect(
        ids(
          "SELECT Id FROM Contact WHERE AccountId IN (SELECT Id FROM Account WHERE Industry = 'Banking')",
        ),
      ).toEqual([ID.cy]);
    });

    it('the subquery runs with the same sharing', () => {
      expect(
        ids('SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Contact)', { user: REP1 }),
      ).toEqual([ID.acme]);
    });
  });

  describe('multi-select picklists', () => {
    it.each<[string, string[]]>([
      ["Product_Interest__c INCLUDES ('Support')", [ID.bigDeal, ID.pureDeal]],
      ["Product_Interest__c INCLUDES ('support', 'Billing')", [ID.bigDeal, ID.small, ID.pureDeal]],
      ["Product_Interest__c INCLUDES ('Support;Payments')", [ID.bigDeal]],
      ["Product_Interest__c EXCLUDES ('Support')", [ID.small, ID.mid]],
      ["Product_Interest__c = 'support;payments'", [ID.bigDeal]],
      ['Product_Interest__c = null', [ID.mid]],
    ])('%s', (where, expected) => {
      expect(opps(where)).toEqual(sorted(...expected));
    });
  });

  describe('dates and datetimes (now = 2024-03-15T12:00Z)', () => {
    it.each<[string, string[]]>([
      ['CloseDate = 2024-03-15', [ID.bigDeal]],
      ['CloseDate > 2024-03-10', [ID.bigDeal, ID.mid]],
      ['CloseDate >= 2024-03-10', [ID.bigDeal, ID.small, ID.mid]],
      ['CloseDate = TODAY', [ID.bigDeal]],
      ['CloseDate < TODAY', [ID.small, ID.pureDeal]],
      ['CloseDate > TODAY', [ID.mid]],
      ['CloseDate = THIS_WEEK', [ID.bigDeal, ID.small]],
      ['CloseDate = LAST_WEEK', []],
      ['CloseDate = THIS_MONTH', [ID.bigDeal, ID.small]],
      ['CloseDate = NEXT_MONTH', [ID.mid]],
      ['CloseDate = LAST_MONTH', []],
      ['CloseDate = THIS_QUARTER', [ID.bigDeal, ID.small]],
      ['CloseDate = NEXT_QUARTER', [ID.mid]],
      ['CloseDate = LAST_QUARTER', [ID.pureDeal]],
      ['CloseDate = THIS_YEAR', [ID.bigDeal, ID.small, ID.mid]],
      ['CloseDate = LAST_YEAR', [ID.pureDeal]],
      ['CloseDate = LAST_N_DAYS:5', [ID.bigDeal, ID.small]],
      ['CloseDate = LAST_N_DAYS:4', [ID.bigDeal]],
      ['CloseDate = NEXT_N_DAYS:40', [ID.mid]],
      ['CloseDate != THIS_MONTH', [ID.mid, ID.pureDeal]],
      ['CloseDate IN (LAST_YEAR, NEXT_MONTH)', [ID.mid, ID.pureDeal]],
      ['CreatedDate > 2024-02-05T10:00:00Z', [ID.mid]],
      ['CreatedDate >= 2024-02-05T10:00:00.000Z', [ID.small, ID.mid]],
      ['CreatedDate = 2024-02-05T11:00:00.000+0100', [ID.small]],
      ['CreatedDate = THIS_YEAR', [ID.bigDeal, ID.small, ID.mid]],
      ['CreatedDate < LAST_N_DAYS:30', [ID.bigDeal, ID.small, ID.pureDeal]],
    ])('%s', (where, expected) => {
      expect(opps(where)).toEqual(sorted(...expected));
    });

    it('YESTERDAY and TODAY on datetimes use whole UTC days', () => {
      expect(ids('SELECT Id FROM Contact WHERE CreatedDate = YESTERDAY')).toEqual([ID.ann]);
      expect(accounts('CreatedDate = TODAY')).toEqual([ID.acme]);
    });
  });

  it('queryAll (includeDeleted) sees deleted rows', () => {
    expect(accounts("Name = 'Globex'")).toEqual([]);
    expect(ids("SELECT Id FROM Account WHERE Name = 'Globex'", { includeDeleted: true })).toEqual([
      ID.globex,
    ]);
    expect(
      ids('SELECT Id FROM Account WHERE IsDeleted = true', { includeDeleted: true, user: ADMIN }),
    ).toEqual([ID.globex]);
  });
});
