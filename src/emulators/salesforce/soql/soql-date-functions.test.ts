import { executeSoql } from './index';
import { applyDateFunction } from './date-functions';
import { FixtureOrg, REP1, context } from '../../../../test/helpers/emulator-soql-fixture';
import type { JsonRecord, QueryContext } from '../model/types';

const org = new FixtureOrg();
const run = (soql: string, ctx: Partial<QueryContext> = {}) => executeSoql(org, soql, context(ctx));
const rows = (soql: string, ctx: Partial<QueryContext> = {}) =>
  run(soql, ctx).records.map(({ attributes: _attributes, ...rest }: JsonRecord) => rest);

describe('date function values (UTC)', () => {
  it.each([
    ['CALENDAR_YEAR', '2024-02-29', 2024],
    ['CALENDAR_MONTH', '2024-02-29', 2],
    ['CALENDAR_QUARTER', '2024-08-01', 3],
    ['DAY_IN_MONTH', '2024-02-29', 29],
    ['DAY_IN_YEAR', '2024-02-01', 32],
    ['DAY_IN_YEAR', '2024-12-31', 366],
    ['DAY_IN_WEEK', '2024-03-17', 1], // a Sunday
    ['DAY_IN_WEEK', '2024-03-16', 7], // a Saturday
    ['WEEK_IN_MONTH', '2024-03-08', 2],
    ['WEEK_IN_YEAR', '2024-01-07', 1],
    ['WEEK_IN_YEAR', '2024-01-08', 2],
    ['CALENDAR_YEAR', '2023-12-31T23:59:59.000Z', 2023],
    ['DAY_ONLY', '2023-12-31T23:59:59.000Z', '2023-12-31'],
    ['HOUR_IN_DAY', '2024-01-05T10:00:00.000Z', 10],
  ] as const)('%s(%s) = %s', (fn, value, expected) => {
    expect(applyDateFunction(fn, value)).toBe(expected);
  });

  it('is null for a null value', () => {
    expect(applyDateFunction('CALENDAR_YEAR', null)).toBeNull();
  });
});

describe('date functions in aggregate queries', () => {
  it('groups on them, naming unaliased ones exprN in select order with the aggregates', () => {
    expect(
      rows(
        'SELECT CALENDAR_YEAR(CloseDate), CALENDAR_MONTH(CloseDate) m, COUNT(Id), SUM(Amount) FROM Opportunity GROUP BY CALENDAR_YEAR(CloseDate), CALENDAR_MONTH(CloseDate) ORDER BY CALENDAR_YEAR(CloseDate), CALENDAR_MONTH(CloseDate)',
      ),
    ).toEqual([
      { expr0: 2023, m: 12, expr1: 1, expr2: 300 },
      { expr0: 2024, m: 3, expr1: 2, expr2: 1100 },
      { expr0: 2024, m: 4, expr1: 1, expr2: null },
    ]);
  });

  it('reads dateTime fields in UTC: 2023-12-31T23:59:59Z is in 2023 whatever the host zone', () => {
    expect(
      rows(
        "SELECT CALENDAR_YEAR(CreatedDate) y, DAY_IN_YEAR(CreatedDate) d, COUNT(Id) n FROM Account WHERE Name = 'Globex' GROUP BY CALENDAR_YEAR(CreatedDate), DAY_IN_YEAR(CreatedDate)",
        { includeDeleted: true }, // Globex is the fixture's deleted account
      ),
    ).toEqual([{ y: 2023, d: 365, n: 1 }]);
  });

  it('mixes with plain fields and relationship fields, under the user sharing', () => {
    expect(
      rows(
        'SELECT Owner.Name, DAY_IN_MONTH(CloseDate) d, COUNT(Id) n FROM Opportunity GROUP BY Owner.Name, DAY_IN_MONTH(CloseDate) ORDER BY DAY_IN_MONTH(CloseDate)',
        { user: REP1 },
      ),
    ).toEqual([
      { Name: 'Rep One', d: 10, n: 1 },
      { Name: 'Rep One', d: 15, n: 1 },
    ]);
  });

  it('accepts convertTimezone() on a dateTime (UTC for emulator users)', () => {
    expect(
      rows(
        'SELECT HOUR_IN_DAY(convertTimezone(CreatedDate)) h, COUNT(Id) n FROM Opportunity GROUP BY HOUR_IN_DAY(convertTimezone(CreatedDate))',
      ),
    ).toEqual([{ h: 10, n: 4 }]);
  });

  it('filters groups on them in HAVING', () => {
    expect(
      rows(
        'SELECT CALENDAR_YEAR(CloseDate) y, COUNT(Id) n FROM Opportunity GROUP BY CALENDAR_YEAR(CloseDate) HAVING CALENDAR_YEAR(CloseDate) > 2023',
      ),
    ).toEqual([{ y: 2024, n: 3 }]);
  });

  it('selects a date function of a grouped date field (Salesforce allows it for date, not dateTime)', () => {
    expect(
      rows(
        'SELECT CloseDate, CALENDAR_MONTH(CloseDate), COUNT(Id) n FROM Opportunity WHERE IsClosed = true GROUP BY CloseDate ORDER BY CloseDate',
      ),
    ).toEqual([
      { CloseDate: '2023-12-20', expr0: 12, n: 1 },
      { CloseDate: '2024-03-15', expr0: 3, n: 1 },
    ]);
    // A dateTime field cannot be grouped at all, so its functions must be grouped themselves.
    expect(() =>
      run('SELECT CALENDAR_MONTH(CreatedDate), COUNT(Id) FROM Opportunity GROUP BY CreatedDate'),
    ).toThrow(/field 'CreatedDate' can not be grouped in a query call/);
    expect(() =>
      run(
        'SELECT CALENDAR_MONTH(CreatedDate), COUNT(Id) FROM Opportunity GROUP BY CALENDAR_YEAR(CreatedDate)',
      ),
    ).toThrow(/Field must be grouped or aggregated: CreatedDate/);
  });

  it('rejects a date function that is not grouped', () => {
    expect(() =>
      run(
        'SELECT CALENDAR_MONTH(CloseDate), COUNT(Id) FROM Opportunity GROUP BY CALENDAR_YEAR(CloseDate)',
      ),
    ).toThrow(/MALFORMED_QUERY|Field must be grouped or aggregated: CloseDate/);
    expect(() => run('SELECT CALENDAR_MONTH(CloseDate) FROM Opportunity')).toThrow(
      /Field must be grouped or aggregated: CloseDate/,
    );
  });

  it('rejects non-date arguments, and DAY_ONLY / convertTimezone on a date field', () => {
    expect(() =>
      run('SELECT CALENDAR_YEAR(Name), COUNT(Id) FROM Opportunity GROUP BY CALENDAR_YEAR(Name)'),
    ).toThrow(/field Name does not support date function CALENDAR_YEAR/);
    expect(() =>
      run('SELECT DAY_ONLY(CloseDate), COUNT(Id) FROM Opportunity GROUP BY DAY_ONLY(CloseDate)'),
    ).toThrow(/field CloseDate does not support date function DAY_ONLY/);
    expect(() =>
      run(
        'SELECT CALENDAR_YEAR(convertTimezone(CloseDate)), COUNT(Id) FROM Opportunity GROUP BY CALENDAR_YEAR(convertTimezone(CloseDate))',
      ),
    ).toThrow(/does not support function convertTimezone/);
    expect(() =>
      run('SELECT CALENDAR_YEAR(Nope__c) FROM Opportunity GROUP BY CALENDAR_YEAR(Nope__c)'),
    ).toThrow(/No such column 'Nope__c'/);
  });
});

describe('date functions in WHERE', () => {
  const names = (soql: string) =>
    run(soql)
      .records.map((r) => r.Name)
      .sort();

  it('filters rows with or without GROUP BY', () => {
    expect(names('SELECT Name FROM Opportunity WHERE CALENDAR_YEAR(CloseDate) = 2024')).toEqual([
      'Big Deal',
      'Mid',
      'Small',
    ]);
    expect(
      names('SELECT Name FROM Opportunity WHERE CALENDAR_MONTH(CloseDate) IN (4, 12)'),
    ).toEqual(['Mid', 'Pure Deal']);
    expect(
      names(
        'SELECT Name FROM Opportunity WHERE DAY_ONLY(CreatedDate) = 2024-01-05 OR DAY_IN_MONTH(CloseDate) > 19',
      ),
    ).toEqual(['Big Deal', 'Mid', 'Pure Deal']);
    expect(
      rows(
        'SELECT COUNT(Id) n FROM Opportunity WHERE CALENDAR_YEAR(CreatedDate) = 2023 GROUP BY IsClosed',
      ),
    ).toEqual([{ n: 1 }]);
  });

  it('refuses a date literal compared with a date function, and a non-date argument', () => {
    expect(() =>
      run('SELECT Name FROM Opportunity WHERE CALENDAR_YEAR(CloseDate) = THIS_YEAR'),
    ).toThrow(
      /value of filter criterion for field 'CALENDAR_YEAR\(CloseDate\)' must be of type int/,
    );
    expect(() => run('SELECT Name FROM Opportunity WHERE CALENDAR_YEAR(Name) = 2024')).toThrow(
      /field Name does not support date function CALENDAR_YEAR/,
    );
  });
});
