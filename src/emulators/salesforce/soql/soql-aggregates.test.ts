import { executeSoql } from './index';
import { FixtureOrg, REP1, context } from '../../../../test/helpers/emulator-soql-fixture';
import type { JsonRecord, QueryContext } from '../model/types';

const org = new FixtureOrg();
const run = (soql: string, ctx: Partial<QueryContext> = {}) => executeSoql(org, soql, context(ctx));
const rows = (soql: string, ctx: Partial<QueryContext> = {}) =>
  run(soql, ctx).records.map(({ attributes: _attributes, ...rest }: JsonRecord) => rest);

describe('COUNT()', () => {
  it('answers totalSize with no records, after WHERE and sharing', () => {
    expect(run('SELECT COUNT() FROM Opportunity')).toEqual({
      totalSize: 4,
      done: true,
      records: [],
    });
    expect(run('SELECT COUNT() FROM Opportunity WHERE IsClosed = true').totalSize).toBe(2);
    expect(run('SELECT COUNT() FROM Opportunity', { user: REP1 }).totalSize).toBe(2);
    expect(run('SELECT COUNT() FROM Account', { includeDeleted: true }).totalSize).toBe(4);
  });

  it('applies LIMIT and OFFSET', () => {
    expect(run('SELECT COUNT() FROM Opportunity LIMIT 3').totalSize).toBe(3);
    expect(run('SELECT COUNT() FROM Opportunity LIMIT 10 OFFSET 3').totalSize).toBe(1);
  });

  it('cannot be combined with fields', () => {
    expect(() => run('SELECT COUNT(), Name FROM Opportunity')).toThrow(
      /Field must be grouped or aggregated: Name/,
    );
  });
});

describe('GROUP BY and aggregate functions', () => {
  it('computes every function per group, naming unaliased columns expr0..n', () => {
    const soql =
      'SELECT StageName, COUNT(Id), COUNT(Amount), COUNT_DISTINCT(AccountId), SUM(Amount), AVG(Amount), MIN(CloseDate), MAX(CreatedDate) FROM Opportunity GROUP BY StageName ORDER BY StageName';
    const result = run(soql);
    expect(result.totalSize).toBe(3);
    expect(result.records.map((r) => r.attributes)).toEqual(
      Array(3).fill({ type: 'AggregateResult' }),
    );
    expect(rows(soql)).toEqual([
      {
        StageName: 'Closed Lost',
        expr0: 1,
        expr1: 1,
        expr2: 1,
        expr3: 300,
        expr4: 300,
        expr5: '2023-12-20',
        expr6: '2023-11-05T10:00:00.000+0000',
      },
      {
        StageName: 'Closed Won',
        expr0: 1,
        expr1: 1,
        expr2: 1,
        expr3: 1000,
        expr4: 1000,
        expr5: '2024-03-15',
        expr6: '2024-01-05T10:00:00.000+0000',
      },
      {
        StageName: 'Prospecting',
        expr0: 2,
        expr1: 1,
        expr2: 2,
        expr3: 100,
        expr4: 100,
        expr5: '2024-03-10',
        expr6: '2024-03-05T10:00:00.000+0000',
      },
    ]);
  });

  it('uses aliases, and unaliased aggregates count from expr0 regardless of aliases', () => {
    expect(
      rows(
        'SELECT StageName stage, COUNT(Id) n, SUM(Amount), MAX(Amount) top FROM Opportunity WHERE IsClosed = false GROUP BY StageName',
      ),
    ).toEqual([{ stage: 'Prospecting', n: 2, expr0: 100, top: 100 }]);
  });

  it('groups nulls together and over several keys', () => {
    expect(
      rows(
        'SELECT AccountId, IsWon, COUNT(Id) FROM Opportunity WHERE Amount = null OR Amount > 200 GROUP BY AccountId, IsWon ORDER BY COUNT(Id) DESC, IsWon',
      ),
    ).toHaveLength(3);
    expect(
      rows('SELECT Email, COUNT(Id) FROM Contact GROUP BY Email ORDER BY Email NULLS FIRST'),
    ).toEqual([
      { Email: null, expr0: 2 },
      { Email: 'ann@acme.com', expr0: 1 },
      { Email: 'cy@labs.com', expr0: 1 },
    ]);
  });

  it('groups by a parent path, keyed by the leaf name', () => {
    expect(
      rows(
        'SELECT Account.Name, COUNT(Id) FROM Opportunity GROUP BY Account.Name ORDER BY Account.Name',
      ),
    ).toEqual([
      { Name: '100% Pure_Co', expr0: 1 },
      { Name: 'Acme', expr0: 2 },
      { Name: 'acme labs', expr0: 1 },
    ]);
  });

  it('without GROUP BY returns exactly one row, even over no records', () => {
    expect(rows('SELECT COUNT(Id) total, SUM(Amount), MIN(Name) FROM Opportunity')).toEqual([
      { total: 4, expr0: 1400, expr1: 'Big Deal' },
    ]);
    expect(rows("SELECT COUNT(Id), SUM(Amount) FROM Opportunity WHERE Name = 'nope'")).toEqual([
      { expr0: 0, expr1: null },
    ]);
  });

  it('HAVING filters on aggregates and grouped fields', () => {
    expect(
      rows('SELECT StageName, COUNT(Id) FROM Opportunity GROUP BY StageName HAVING COUNT(Id) > 1'),
    ).toEqual([{ StageName: 'Prospecting', expr0: 2 }]);
    expect(
      rows(
        "SELECT StageName, SUM(Amount) s FROM Opportunity GROUP BY StageName HAVING SUM(Amount) >= 300 AND StageName != 'Closed Won'",
      ),
    ).toEqual([{ StageName: 'Closed Lost', s: 300 }]);
    expect(
      rows(
        'SELECT StageName FROM Opportunity GROUP BY StageName HAVING MAX(CloseDate) > 2024-03-31',
      ),
    ).toEqual([{ StageName: 'Prospecting' }]);
  });

  it('orders and pages groups', () => {
    expect(
      rows(
        'SELECT StageName, SUM(Amount) FROM Opportunity GROUP BY StageName ORDER BY SUM(Amount) DESC LIMIT 2',
      ),
    ).toEqual([
      { StageName: 'Closed Won', expr0: 1000 },
      { StageName: 'Closed Lost', expr0: 300 },
    ]);
    expect(
      rows('SELECT StageName FROM Opportunity GROUP BY StageName ORDER BY StageName DESC OFFSET 1'),
    ).toEqual([{ StageName: 'Closed Won' }, { StageName: 'Closed Lost' }]);
  });

  it('respects sharing', () => {
    expect(rows('SELECT COUNT(Id) FROM Opportunity', { user: REP1 })).toEqual([{ expr0: 2 }]);
  });
});

describe('aggregate misuse', () => {
  it.each<[string, string, RegExp]>([
    [
      'SELECT Name, COUNT(Id) FROM Account GROUP BY Industry',
      'MALFORMED_QUERY',
      /Field must be grouped or aggregated: Name/,
    ],
    [
      'SELECT Name, COUNT(Id) FROM Account',
      'MALFORMED_QUERY',
      /Field must be grouped or aggregated: Name/,
    ],
    [
      'SELECT AnnualRevenue, COUNT(Id) FROM Account GROUP BY AnnualRevenue',
      'INVALID_FIELD',
      /field 'AnnualRevenue' can not be grouped in a query call/,
    ],
    [
      'SELECT COUNT(Id) FROM Account GROUP BY Description',
      'INVALID_FIELD',
      /field 'Description' can not be grouped/,
    ],
    [
      'SELECT SUM(Name) FROM Account',
      'INVALID_FIELD',
      /field Name does not support aggregate operator SUM/,
    ],
    [
      'SELECT AVG(CloseDate) FROM Opportunity',
      'INVALID_FIELD',
      /does not support aggregate operator AVG/,
    ],
    [
      'SELECT COUNT(Nope) FROM Account',
      'INVALID_FIELD',
      /No such column 'Nope' on entity 'Account'/,
    ],
    [
      'SELECT Industry FROM Account GROUP BY Industry ORDER BY Name',
      'MALFORMED_QUERY',
      /Ordered field must be grouped or aggregated: Name/,
    ],
    [
      "SELECT Industry FROM Account GROUP BY Industry HAVING Name = 'x'",
      'MALFORMED_QUERY',
      /Field must be grouped or aggregated: Name/,
    ],
    [
      'SELECT Industry, COUNT(Id) FROM Account GROUP BY Industry HAVING COUNT(Id) > 1 AND COUNT(Id) < 5 OR COUNT(Id) = 9',
      'MALFORMED_QUERY',
      /unexpected token: 'OR'/,
    ],
    [
      "SELECT Industry, COUNT(Id) FROM Account GROUP BY Industry HAVING COUNT(Id) > '1'",
      'INVALID_FIELD',
      /must be of type int/,
    ],
  ])('%s → %s', (soql, errorCode, message) => {
    expect(() => run(soql)).toThrow(
      expect.objectContaining({
        errorCode,
        statusCode: 400,
        message: expect.stringMatching(message),
      }),
    );
  });
});
