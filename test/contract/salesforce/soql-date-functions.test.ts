import type { Connection } from 'jsforce';
import { describeSalesforceContract } from '../../helpers/salesforce-target';
import { RecordJanitor, runTag, savedId } from '../../helpers/salesforce-records';

const CLOSE_DATES = ['2024-02-29', '2024-02-01', '2024-12-31', '2025-01-01', '2025-01-01'];

type Row = Record<string, unknown>;

/** Aggregate rows without their `attributes`, sorted by their JSON for set comparison. */
function plain(records: Row[]): Row[] {
  return records
    .map(({ attributes: _attributes, ...rest }) => rest)
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

describeSalesforceContract('SOQL date functions in aggregate queries', (target) => {
  let conn: Connection;
  const tag = runTag();
  const janitor = new RecordJanitor();
  let accountId: string;
  let where: string;

  beforeAll(async () => {
    conn = await target().connect('admin');
    accountId = savedId(await conn.sobject('Account').create({ Name: `${tag} Dates` }));
    janitor.track('Account', accountId);
    const results = await conn.sobject('Opportunity').create(
      CLOSE_DATES.map((CloseDate, i) => ({
        Name: `${tag} Deal ${i}`,
        AccountId: accountId,
        StageName: i % 2 === 0 ? 'Closed Won' : 'Closed Lost',
        Amount: (i + 1) * 100,
        CloseDate,
      })),
      { allOrNone: true },
    );
    janitor.track('Opportunity', ...results.map(savedId));
    where = `WHERE Name LIKE '${tag}%'`;
  });
  afterAll(async () => {
    await janitor.flush(conn);
  });

  it('groups by CALENDAR_YEAR and CALENDAR_MONTH; unaliased functions are exprN', async () => {
    const result = await conn.query<Row>(
      `SELECT CALENDAR_YEAR(CloseDate), CALENDAR_MONTH(CloseDate) m, COUNT(Id), SUM(Amount) FROM Opportunity ${where} GROUP BY CALENDAR_YEAR(CloseDate), CALENDAR_MONTH(CloseDate)`,
    );
    expect(plain(result.records)).toEqual(
      plain([
        { expr0: 2024, m: 2, expr1: 2, expr2: 300 },
        { expr0: 2024, m: 12, expr1: 1, expr2: 300 },
        { expr0: 2025, m: 1, expr1: 2, expr2: 900 },
      ]),
    );
  });

  it('answers DAY_IN_MONTH, DAY_IN_YEAR, DAY_IN_WEEK and CALENDAR_QUARTER with a boolean group', async () => {
    const result = await conn.query<Row>(
      `SELECT IsWon won, DAY_IN_MONTH(CloseDate) dm, DAY_IN_YEAR(CloseDate) dy, DAY_IN_WEEK(CloseDate) dw, CALENDAR_QUARTER(CloseDate) q, COUNT(Id) n FROM Opportunity ${where} GROUP BY IsWon, DAY_IN_MONTH(CloseDate), DAY_IN_YEAR(CloseDate), DAY_IN_WEEK(CloseDate), CALENDAR_QUARTER(CloseDate)`,
    );
    expect(plain(result.records)).toEqual(
      plain([
        { won: true, dm: 29, dy: 60, dw: 5, q: 1, n: 1 }, // 2024-02-29, a Thursday
        { won: false, dm: 1, dy: 32, dw: 5, q: 1, n: 1 }, // 2024-02-01, a Thursday
        { won: true, dm: 31, dy: 366, dw: 3, q: 4, n: 1 }, // 2024-12-31, a Tuesday
        { won: false, dm: 1, dy: 1, dw: 4, q: 1, n: 1 }, // 2025-01-01, a Wednesday
        { won: true, dm: 1, dy: 1, dw: 4, q: 1, n: 1 },
      ]),
    );
  });

  it('evaluates dateTime fields in UTC without convertTimezone()', async () => {
    const records = (await conn.query<Row>(`SELECT CreatedDate FROM Opportunity ${where}`)).records;
    const expected = new Map<string, number>();
    for (const r of records) {
      const at = new Date(Date.parse(String(r.CreatedDate)));
      const key = JSON.stringify({
        y: at.getUTCFullYear(),
        d: at.getUTCDate(),
        h: at.getUTCHours(),
      });
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const result = await conn.query<Row>(
      `SELECT CALENDAR_YEAR(CreatedDate) y, DAY_IN_MONTH(CreatedDate) d, HOUR_IN_DAY(CreatedDate) h, COUNT(Id) n FROM Opportunity ${where} GROUP BY CALENDAR_YEAR(CreatedDate), DAY_IN_MONTH(CreatedDate), HOUR_IN_DAY(CreatedDate)`,
    );
    expect(plain(result.records)).toEqual(
      plain([...expected].map(([key, n]) => ({ ...(JSON.parse(key) as Row), n }))),
    );
  });

  it('selects a date function of a grouped date field', async () => {
    const result = await conn.query<Row>(
      `SELECT CloseDate, CALENDAR_YEAR(CloseDate) y, COUNT(Id) n FROM Opportunity ${where} GROUP BY CloseDate`,
    );
    expect(plain(result.records)).toEqual(
      plain([
        { CloseDate: '2024-02-29', y: 2024, n: 1 },
        { CloseDate: '2024-02-01', y: 2024, n: 1 },
        { CloseDate: '2024-12-31', y: 2024, n: 1 },
        { CloseDate: '2025-01-01', y: 2025, n: 2 },
      ]),
    );
  });

  it('filters rows on a date function in WHERE', async () => {
    const result = await conn.query<Row>(
      `SELECT CloseDate FROM Opportunity ${where} AND CALENDAR_MONTH(CloseDate) = 2 AND DAY_IN_MONTH(CloseDate) > 1`,
    );
    expect(plain(result.records)).toEqual([{ CloseDate: '2024-02-29' }]);
  });

  it('filters and orders on a grouped date function', async () => {
    const result = await conn.query<Row>(
      `SELECT CALENDAR_YEAR(CloseDate) y, COUNT(Id) n FROM Opportunity ${where} GROUP BY CALENDAR_YEAR(CloseDate) HAVING CALENDAR_YEAR(CloseDate) > 2024 ORDER BY CALENDAR_YEAR(CloseDate)`,
    );
    expect(plain(result.records)).toEqual([{ y: 2025, n: 2 }]);
  });

  it('rejects an ungrouped date function and a date function on a text field', async () => {
    await expect(
      conn.query(
        `SELECT CALENDAR_MONTH(CloseDate), COUNT(Id) FROM Opportunity ${where} GROUP BY CALENDAR_YEAR(CloseDate)`,
      ),
    ).rejects.toMatchObject({ errorCode: 'MALFORMED_QUERY' });
    await expect(
      conn.query(
        `SELECT CALENDAR_YEAR(Name), COUNT(Id) FROM Opportunity ${where} GROUP BY CALENDAR_YEAR(Name)`,
      ),
    ).rejects.toMatchObject({ errorCode: 'INVALID_FIELD' });
  });
});
