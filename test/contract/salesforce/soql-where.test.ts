import type { Connection } from 'jsforce';
import { describeSalesforceContract, emulatorOnly } from '../../helpers/salesforce-target';
import { expectSalesforceError } from '../../helpers/salesforce-errors';
import { RecordJanitor, runTag, savedId, stringField } from '../../helpers/salesforce-records';

type Key = 'alpha' | 'beta' | 'gamma' | 'delta' | 'epsilon';

// Fixture rows of our own (tagged, deleted in afterAll) so every expectation is exact:
// nulls are deliberate, and names differ in case to catch case-sensitive comparisons.
const FIXTURES: Record<Key, Record<string, string | number | null>> = {
  alpha: { Name: 'Alpha', Industry: 'Technology', AnnualRevenue: 1_000_000, NumberOfEmployees: 10 },
  beta: { Name: 'beta', Industry: 'Banking', AnnualRevenue: 500_000, NumberOfEmployees: 50 },
  gamma: { Name: 'Gamma', Industry: null, AnnualRevenue: null, NumberOfEmployees: 50 },
  delta: { Name: 'delta', Industry: 'Energy', AnnualRevenue: 2_500_000, NumberOfEmployees: null },
  epsilon: {
    Name: 'Epsilon',
    Industry: 'Technology',
    AnnualRevenue: 750_000,
    NumberOfEmployees: 200,
  },
};
const KEYS = Object.keys(FIXTURES) as Key[];

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}
function addDays(d: Date, days: number): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + days));
}
function quarterOf(d: Date): { start: string; end: string } {
  const q = Math.floor(d.getUTCMonth() / 3);
  return {
    start: isoDate(new Date(Date.UTC(d.getUTCFullYear(), q * 3, 1))),
    end: isoDate(new Date(Date.UTC(d.getUTCFullYear(), q * 3 + 3, 0))),
  };
}

describeSalesforceContract('SOQL WHERE semantics', (target) => {
  let conn: Connection;
  const tag = runTag();
  const ids = {} as Record<Key, string>;
  const janitor = new RecordJanitor();

  beforeAll(async () => {
    conn = await target().connect('admin');
    const results = await conn.sobject('Account').create(
      KEYS.map((k) => ({ ...FIXTURES[k], Name: `${tag} ${FIXTURES[k].Name}` })),
      { allOrNone: true },
    );
    KEYS.forEach((k, i) => {
      ids[k] = savedId(results[i]);
    });
    janitor.track('Account', ...KEYS.map((k) => ids[k]));
  });
  afterAll(async () => {
    await janitor.flush(conn);
  });

  async function keysWhere(where: string): Promise<Key[]> {
    const result = await conn.query(
      `SELECT Id FROM Account WHERE Name LIKE '${tag}%' AND (${where})`,
    );
    const byId = new Map(KEYS.map((k) => [ids[k], k]));
    return result.records
      .map((r) => byId.get(stringField(r, 'Id') ?? '') ?? ('unknown' as Key))
      .sort();
  }

  it.each<[string, Key[]]>([
    ["Industry = 'technology'", ['alpha', 'epsilon']],
    ["Industry = 'TECHNOLOGY'", ['alpha', 'epsilon']],
    ["Industry != 'Technology'", ['beta', 'delta', 'gamma']],
    ['AnnualRevenue > 750000', ['alpha', 'delta']],
    ['AnnualRevenue >= 750000', ['alpha', 'delta', 'epsilon']],
    ['AnnualRevenue < 750000', ['beta']],
    ['AnnualRevenue <= 750000', ['beta', 'epsilon']],
    ['AnnualRevenue != 750000', ['alpha', 'beta', 'delta', 'gamma']],
    ['NumberOfEmployees = 50', ['beta', 'gamma']],
    ['NumberOfEmployees > 20', ['beta', 'epsilon', 'gamma']],
    ["Industry IN ('Banking', 'energy')", ['beta', 'delta']],
    ["Industry NOT IN ('Banking', 'Energy')", ['alpha', 'epsilon', 'gamma']],
    ['Industry = null', ['gamma']],
    ['Industry != null', ['alpha', 'beta', 'delta', 'epsilon']],
    ['AnnualRevenue = null', ['gamma']],
    ["Name LIKE '%ALPHA'", ['alpha']],
    ["Name LIKE '% _eta'", ['beta']],
    ["Name LIKE '%ta'", ['beta', 'delta']],
    ["NOT Name LIKE '%a'", ['epsilon']],
    ["(Industry = 'Technology' OR Industry = 'Banking') AND NumberOfEmployees = 50", ['beta']],
    [
      "Industry = 'Technology' OR (Industry = 'Banking' AND NumberOfEmployees = 50)",
      ['alpha', 'beta', 'epsilon'],
    ],
    ["NOT (Name LIKE '%pha' OR Name LIKE '%eta')", ['delta', 'epsilon', 'gamma']],
    ['AnnualRevenue > 600000 AND NumberOfEmployees < 100', ['alpha']],
  ])('WHERE %s', async (where, expected) => {
    expect(await keysWhere(where)).toEqual([...expected].sort());
  });

  it('a null never satisfies a comparison, in either direction', async () => {
    const above = await keysWhere('AnnualRevenue > 0');
    const below = await keysWhere('AnnualRevenue < 0');
    expect(above).not.toContain('gamma');
    expect(below).toEqual([]);
  });

  it('matches Ids given in 15- or 18-character form', async () => {
    const alpha15 = ids.alpha.slice(0, 15);
    const beta15 = ids.beta.slice(0, 15);
    expect(await keysWhere(`Id = '${alpha15}'`)).toEqual(['alpha']);
    expect(await keysWhere(`Id = '${ids.alpha}'`)).toEqual(['alpha']);
    expect(await keysWhere(`Id IN ('${ids.gamma}', '${beta15}')`)).toEqual(['beta', 'gamma']);
    expect(await keysWhere(`Id != '${alpha15}'`)).toEqual(['beta', 'delta', 'epsilon', 'gamma']);
    const rows = await conn.query(`SELECT Id FROM Account WHERE Id = '${alpha15}'`);
    expect(rows.records.map((r) => stringField(r, 'Id'))).toEqual([ids.alpha]);
  });

  it('rejects AND and OR mixed at one level without parentheses (MALFORMED_QUERY)', async () => {
    await expectSalesforceError(
      conn.query(
        `SELECT Id FROM Account WHERE Industry = 'Technology' AND NumberOfEmployees = 10 OR Industry = 'Banking'`,
      ),
      'MALFORMED_QUERY',
    );
  });

  describe('semi-joins', () => {
    beforeAll(async () => {
      const created = await conn.sobject('Contact').create(
        [
          { LastName: `${tag}C`, AccountId: ids.alpha },
          { LastName: `${tag}C`, AccountId: ids.gamma },
          { LastName: `${tag}D`, AccountId: ids.beta },
        ],
        { allOrNone: true },
      );
      janitor.track('Contact', ...created.map(savedId));
    });

    it('Id IN (SELECT AccountId FROM Contact ...)', async () => {
      expect(
        await keysWhere(`Id IN (SELECT AccountId FROM Contact WHERE LastName = '${tag}C')`),
      ).toEqual(['alpha', 'gamma']);
    });

    it('Id NOT IN (SELECT AccountId FROM Contact ...)', async () => {
      expect(
        await keysWhere(`Id NOT IN (SELECT AccountId FROM Contact WHERE LastName LIKE '${tag}%')`),
      ).toEqual(['delta', 'epsilon']);
    });
  });

  describe('date literals', () => {
    const today = new Date();
    const offsets = [0, -10, -40, 5, -400];
    const oppIds = new Map<number, string>();

    beforeAll(async () => {
      const created = await conn.sobject('Opportunity').create(
        offsets.map((days) => ({
          Name: `${tag} Opp ${days}`,
          StageName: 'Prospecting',
          CloseDate: isoDate(addDays(today, days)),
          AccountId: ids.alpha,
        })),
        { allOrNone: true },
      );
      offsets.forEach((days, i) => oppIds.set(days, savedId(created[i])));
      janitor.track('Opportunity', ...oppIds.values());
    });

    async function offsetsWhere(where: string): Promise<number[]> {
      const result = await conn.query(
        `SELECT Id FROM Opportunity WHERE Name LIKE '${tag} Opp%' AND ${where}`,
      );
      const byId = new Map([...oppIds].map(([days, id]) => [id, days]));
      return result.records
        .map((r) => byId.get(stringField(r, 'Id') ?? '') ?? NaN)
        .sort((a, b) => a - b);
    }

    it('LAST_N_DAYS:n covers today and the n days before it', async () => {
      expect(await offsetsWhere('CloseDate = LAST_N_DAYS:30')).toEqual([-10, 0]);
      expect(await offsetsWhere('CloseDate = LAST_N_DAYS:10')).toEqual([-10, 0]);
      expect(await offsetsWhere('CloseDate = LAST_N_DAYS:9')).toEqual([0]);
    });

    it('< and > against a range compare with its start and end', async () => {
      expect(await offsetsWhere('CloseDate < LAST_N_DAYS:30')).toEqual([-400, -40]);
      expect(await offsetsWhere('CloseDate > TODAY')).toEqual([5]);
      expect(await offsetsWhere('CloseDate = TODAY')).toEqual([0]);
    });

    it('THIS_QUARTER is the calendar quarter containing today', async () => {
      const { start, end } = quarterOf(today);
      const expected = offsets
        .filter((days) => {
          const d = isoDate(addDays(today, days));
          return d >= start && d <= end;
        })
        .sort((a, b) => a - b);
      expect(await offsetsWhere('CloseDate = THIS_QUARTER')).toEqual(expected);
    });

    it('a date literal also filters datetime fields (CreatedDate = TODAY)', async () => {
      expect(await keysWhere('CreatedDate = TODAY')).toEqual([...KEYS].sort());
      expect(await keysWhere('CreatedDate = LAST_N_DAYS:1')).toEqual([...KEYS].sort());
      expect(await keysWhere('CreatedDate < TODAY')).toEqual([]);
    });

    emulatorOnly(
      'LAST_N_DAYS and THIS_QUARTER agree with the seeded CloseDates read back',
      async () => {
        const all = await conn.query('SELECT Id, CloseDate FROM Opportunity', {
          autoFetch: true,
          maxFetch: 100_000,
        });
        const { start, end } = quarterOf(today);
        const from = isoDate(addDays(today, -30));
        const to = isoDate(today);
        const expectLast30 = all.records
          .filter((r) => {
            const d = stringField(r, 'CloseDate') ?? '';
            return d >= from && d <= to;
          })
          .map((r) => stringField(r, 'Id'))
          .sort();
        const expectQuarter = all.records
          .filter((r) => {
            const d = stringField(r, 'CloseDate') ?? '';
            return d >= start && d <= end;
          })
          .map((r) => stringField(r, 'Id'))
          .sort();
        const last30 = await conn.query(
          'SELECT Id FROM Opportunity WHERE CloseDate = LAST_N_DAYS:30',
          {
            autoFetch: true,
            maxFetch: 100_000,
          },
        );
        const quarter = await conn.query(
          'SELECT Id FROM Opportunity WHERE CloseDate = THIS_QUARTER',
          {
            autoFetch: true,
            maxFetch: 100_000,
          },
        );
        expect(last30.records.map((r) => stringField(r, 'Id')).sort()).toEqual(expectLast30);
        expect(quarter.records.map((r) => stringField(r, 'Id')).sort()).toEqual(expectQuarter);
        expect(expectQuarter.length).toBeGreaterThan(0);
      },
    );
  });

  describe('INCLUDES / EXCLUDES on a multi-select picklist', () => {
    let objectName = '';
    let field = '';
    let values: string[] = [];
    const mIds: string[] = [];
    const required: Record<string, Record<string, string>> = {
      Account: { Name: `${tag} M` },
      Contact: { LastName: `${tag} M` },
      Lead: { LastName: `${tag} M`, Company: `${tag} M` },
      Opportunity: { Name: `${tag} M`, StageName: 'Prospecting', CloseDate: '2030-01-01' },
    };

    beforeAll(async () => {
      for (const candidate of Object.keys(required)) {
        const describe = await conn.sobject(candidate).describe();
        const found = describe.fields.find(
          (f) =>
            f.type === 'multipicklist' &&
            f.createable &&
            f.filterable &&
            (f.picklistValues?.length ?? 0) >= 2,
        );
        if (found) {
          objectName = candidate;
          field = found.name;
          values = (found.picklistValues ?? []).filter((v) => v.active).map((v) => v.value);
          break;
        }
      }
      if (!field) return;
      const created = await conn.sobject(objectName).create(
        [
          { ...required[objectName], [field]: `${values[0]};${values[1]}` },
          { ...required[objectName], [field]: values[1] },
        ],
        { allOrNone: true },
      );
      mIds.push(...created.map(savedId));
      janitor.track(objectName, ...mIds);
    });

    async function which(where: string): Promise<number[]> {
      const nameField = objectName === 'Contact' || objectName === 'Lead' ? 'LastName' : 'Name';
      const result = await conn.query(
        `SELECT Id FROM ${objectName} WHERE ${nameField} = '${tag} M' AND ${field} ${where}`,
      );
      return result.records.map((r) => mIds.indexOf(stringField(r, 'Id') ?? '')).sort();
    }

    it('the org describes at least one createable, filterable multipicklist', () => {
      expect(field).not.toBe('');
    });

    it('INCLUDES matches any listed value; "a;b" means both', async () => {
      expect(await which(`INCLUDES ('${values[0]}')`)).toEqual([0]);
      expect(await which(`INCLUDES ('${values[1]}')`)).toEqual([0, 1]);
      expect(await which(`INCLUDES ('${values[0]}', '${values[1]}')`)).toEqual([0, 1]);
      expect(await which(`INCLUDES ('${values[0]};${values[1]}')`)).toEqual([0]);
    });

    it('EXCLUDES drops rows holding the value', async () => {
      expect(await which(`EXCLUDES ('${values[0]}')`)).toEqual([1]);
      expect(await which(`EXCLUDES ('${values[1]}')`)).toEqual([]);
    });
  });
});
