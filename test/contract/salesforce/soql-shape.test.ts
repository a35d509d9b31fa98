import type { Connection } from 'jsforce';
import { describeSalesforceContract } from '../../helpers/salesforce-target';
import {
  RecordJanitor,
  numberField,
  runTag,
  savedId,
  stringField,
  valueAt,
} from '../../helpers/salesforce-records';

interface Fixture {
  key: string;
  Name: string;
  Industry: string | null;
  AnnualRevenue: number | null;
  NumberOfEmployees: number | null;
}

const FIXTURES: Fixture[] = [
  {
    key: 'alpha',
    Name: 'Alpha',
    Industry: 'Technology',
    AnnualRevenue: 1_000_000,
    NumberOfEmployees: 10,
  },
  { key: 'beta', Name: 'beta', Industry: 'Banking', AnnualRevenue: 500_000, NumberOfEmployees: 50 },
  { key: 'gamma', Name: 'Gamma', Industry: null, AnnualRevenue: null, NumberOfEmployees: 50 },
  {
    key: 'delta',
    Name: 'delta',
    Industry: 'Energy',
    AnnualRevenue: 2_500_000,
    NumberOfEmployees: null,
  },
  {
    key: 'epsilon',
    Name: 'Epsilon',
    Industry: 'Technology',
    AnnualRevenue: 750_000,
    NumberOfEmployees: 200,
  },
];

/** Salesforce sorts text case-insensitively and puts nulls first ascending, last descending. */
function compareValues(
  a: string | number | null,
  b: string | number | null,
  desc: boolean,
  nullsFirst: boolean,
) {
  if (a === null || b === null) {
    if (a === b) return 0;
    return (a === null ? -1 : 1) * (nullsFirst ? 1 : -1);
  }
  const x = typeof a === 'string' ? a.toLowerCase() : a;
  const y = typeof b === 'string' ? b.toLowerCase() : b;
  const base = x < y ? -1 : x > y ? 1 : 0;
  return desc ? -base : base;
}

describeSalesforceContract(
  'SOQL ORDER BY, LIMIT/OFFSET, relationships and aggregates',
  (target) => {
    let conn: Connection;
    const tag = runTag();
    const ids = new Map<string, string>();
    const janitor = new RecordJanitor();

    beforeAll(async () => {
      conn = await target().connect('admin');
      const results = await conn.sobject('Account').create(
        FIXTURES.map(({ key: _key, ...f }) => ({ ...f, Name: `${tag} ${f.Name}` })),
        { allOrNone: true },
      );
      FIXTURES.forEach((f, i) => ids.set(f.key, savedId(results[i])));
      janitor.track('Account', ...ids.values());
    });
    afterAll(async () => {
      await janitor.flush(conn);
    });

    async function orderedKeys(orderBy: string, tail = ''): Promise<string[]> {
      const result = await conn.query(
        `SELECT Id FROM Account WHERE Name LIKE '${tag}%' ORDER BY ${orderBy} ${tail}`,
      );
      const byId = new Map([...ids].map(([k, id]) => [id, k]));
      return result.records.map((r) => byId.get(stringField(r, 'Id') ?? '') ?? '?');
    }

    function expectedOrder(
      keys: Array<{ field: keyof Fixture; desc: boolean; nullsFirst?: boolean }>,
    ): string[] {
      return [...FIXTURES]
        .sort((a, b) => {
          for (const { field, desc, nullsFirst } of keys) {
            const c = compareValues(a[field], b[field], desc, nullsFirst ?? !desc);
            if (c !== 0) return c;
          }
          return 0;
        })
        .map((f) => f.key);
    }

    describe('ORDER BY', () => {
      it('sorts text case-insensitively', async () => {
        const keys = await orderedKeys('Name ASC');
        expect(keys).toEqual(expectedOrder([{ field: 'Name', desc: false }]));
        expect(keys).toEqual(['alpha', 'beta', 'delta', 'epsilon', 'gamma']);
      });

      it('puts nulls first ascending and last descending by default', async () => {
        expect(await orderedKeys('AnnualRevenue ASC')).toEqual([
          'gamma',
          'beta',
          'epsilon',
          'alpha',
          'delta',
        ]);
        expect(await orderedKeys('AnnualRevenue DESC')).toEqual([
          'delta',
          'alpha',
          'epsilon',
          'beta',
          'gamma',
        ]);
      });

      it('honours NULLS FIRST / NULLS LAST over several keys', async () => {
        expect(await orderedKeys('NumberOfEmployees DESC NULLS FIRST, Name ASC')).toEqual(
          expectedOrder([
            { field: 'NumberOfEmployees', desc: true, nullsFirst: true },
            { field: 'Name', desc: false },
          ]),
        );
        expect(await orderedKeys('NumberOfEmployees ASC NULLS LAST, Name DESC')).toEqual(
          expectedOrder([
            { field: 'NumberOfEmployees', desc: false, nullsFirst: false },
            { field: 'Name', desc: true },
          ]),
        );
        expect(await orderedKeys('Industry ASC NULLS LAST, AnnualRevenue DESC')).toEqual([
          'beta',
          'delta',
          'alpha',
          'epsilon',
          'gamma',
        ]);
      });

      it('orders by a parent field', async () => {
        const result = await conn.query(
          `SELECT Id, Owner.Name FROM Account WHERE Name LIKE '${tag}%' ORDER BY Owner.Name, Name`,
        );
        expect(result.records).toHaveLength(FIXTURES.length);
      });
    });

    describe('LIMIT and OFFSET', () => {
      it('LIMIT caps rows and totalSize', async () => {
        const result = await conn.query(
          `SELECT Id FROM Account WHERE Name LIKE '${tag}%' ORDER BY Name LIMIT 2`,
        );
        expect(result.totalSize).toBe(2);
        expect(result.records).toHaveLength(2);
        expect(await orderedKeys('Name', 'LIMIT 2')).toEqual(['alpha', 'beta']);
      });

      it('OFFSET skips rows after ordering', async () => {
        expect(await orderedKeys('Name', 'LIMIT 2 OFFSET 1')).toEqual(['beta', 'delta']);
        expect(await orderedKeys('Name', 'OFFSET 4')).toEqual(['gamma']);
        expect(await orderedKeys('Name', 'OFFSET 2000')).toEqual([]);
      });
    });

    describe('relationships', () => {
      let parentId = '';
      let childId = '';
      const contactIds: string[] = [];

      beforeAll(async () => {
        parentId = savedId(await conn.sobject('Account').create({ Name: `${tag} Parent` }));
        childId = savedId(
          await conn.sobject('Account').create({ Name: `${tag} Child`, ParentId: parentId }),
        );
        janitor.track('Account', parentId, childId);
        const created = await conn.sobject('Contact').create(
          [
            { FirstName: 'Ann', LastName: `${tag} A`, AccountId: childId },
            { FirstName: 'Bob', LastName: `${tag} B`, AccountId: childId },
            { FirstName: 'Cy', LastName: `${tag} C`, AccountId: childId },
            { FirstName: 'Orphan', LastName: `${tag} O` },
          ],
          { allOrNone: true },
        );
        contactIds.push(...created.map(savedId));
        janitor.track('Contact', ...contactIds);
      });

      it('follows parent paths three levels deep, with typed attributes', async () => {
        const me = await conn.identity();
        const result = await conn.query(
          `SELECT Id, Name, Account.Name, Account.Parent.Name, Account.Parent.Owner.Name, Account.Parent.Owner.Id
         FROM Contact WHERE Id = '${contactIds[0]}'`,
        );
        const [row] = result.records;
        expect(row.attributes).toEqual({
          type: 'Contact',
          url: `/services/data/v59.0/sobjects/Contact/${contactIds[0]}`,
        });
        expect(stringField(row, 'Name')).toBe(`Ann ${tag} A`);
        expect(valueAt(row, 'Account.attributes.type')).toBe('Account');
        expect(valueAt(row, 'Account.Name')).toBe(`${tag} Child`);
        expect(valueAt(row, 'Account.Parent.Name')).toBe(`${tag} Parent`);
        expect(valueAt(row, 'Account.Parent.Owner.attributes.type')).toBe('User');
        expect(valueAt(row, 'Account.Parent.Owner.Id')).toBe(me.user_id);
        expect(valueAt(row, 'Account.Parent.Owner.Name')).toBe(me.display_name);
      });

      it('returns null for a missing parent, not an object of nulls', async () => {
        const result = await conn.query(
          `SELECT Id, Account.Name, Account.Parent.Name FROM Contact WHERE Id = '${contactIds[3]}'`,
        );
        expect(result.records[0]).toEqual(expect.objectContaining({ Account: null }));
        const child = await conn.query(
          `SELECT Id, Parent.Name FROM Account WHERE Id = '${parentId}'`,
        );
        expect(child.records[0]).toEqual(expect.objectContaining({ Parent: null }));
      });

      it('filters on a parent path', async () => {
        const result = await conn.query(
          `SELECT Id FROM Contact WHERE Account.Parent.Name = '${tag} Parent' ORDER BY LastName`,
        );
        expect(result.records.map((r) => stringField(r, 'Id'))).toEqual(contactIds.slice(0, 3));
      });

      it('child subqueries honour WHERE, ORDER BY and LIMIT, and are null when empty', async () => {
        const result = await conn.query(
          `SELECT Id, Name, (SELECT Id, LastName FROM Contacts WHERE LastName != '${tag} B' ORDER BY LastName DESC LIMIT 5)
         FROM Account WHERE Id IN ('${childId}', '${parentId}') ORDER BY Name`,
        );
        const [child, parent] = result.records;
        expect(stringField(child, 'Id')).toBe(childId);
        expect(valueAt(child, 'Contacts')).toEqual({
          totalSize: 2,
          done: true,
          records: [
            {
              attributes: expect.objectContaining({ type: 'Contact' }),
              Id: contactIds[2],
              LastName: `${tag} C`,
            },
            {
              attributes: expect.objectContaining({ type: 'Contact' }),
              Id: contactIds[0],
              LastName: `${tag} A`,
            },
          ],
        });
        expect(valueAt(parent, 'Contacts')).toBeNull();

        const limited = await conn.query(
          `SELECT Id, (SELECT Id FROM Contacts ORDER BY LastName LIMIT 1) FROM Account WHERE Id = '${childId}'`,
        );
        expect(valueAt(limited.records[0], 'Contacts.records.0.Id')).toBe(contactIds[0]);
        expect(valueAt(limited.records[0], 'Contacts.totalSize')).toBe(1);
      });

      it('ChildAccounts lists accounts whose ParentId points here', async () => {
        const result = await conn.query(
          `SELECT Id, (SELECT Id, Name FROM ChildAccounts) FROM Account WHERE Id = '${parentId}'`,
        );
        expect(valueAt(result.records[0], 'ChildAccounts.records.0.Id')).toBe(childId);
      });
    });

    describe('aggregates', () => {
      const where = () =>
        `WHERE Name LIKE '${tag}%' AND Name != '${tag} Parent' AND Name != '${tag} Child'`;

      it('SELECT COUNT() answers totalSize with no records', async () => {
        const result = await conn.query(`SELECT COUNT() FROM Account ${where()}`);
        expect(result.totalSize).toBe(FIXTURES.length);
        expect(result.records).toEqual([]);
      });

      it('GROUP BY with COUNT, COUNT_DISTINCT, SUM, AVG, MIN, MAX names columns expr0..n', async () => {
        const result = await conn.query(
          `SELECT Industry, COUNT(Id), COUNT_DISTINCT(NumberOfEmployees), SUM(AnnualRevenue), AVG(AnnualRevenue),
                MIN(AnnualRevenue), MAX(NumberOfEmployees)
         FROM Account ${where()} GROUP BY Industry`,
        );
        const byIndustry = new Map(result.records.map((r) => [stringField(r, 'Industry'), r]));
        expect([...byIndustry.keys()].sort()).toEqual(
          ['Banking', 'Energy', 'Technology', null].sort(),
        );
        for (const row of result.records) {
          expect(row.attributes).toEqual({ type: 'AggregateResult' });
        }
        expect(byIndustry.get('Technology')).toEqual({
          attributes: { type: 'AggregateResult' },
          Industry: 'Technology',
          expr0: 2,
          expr1: 2,
          expr2: 1_750_000,
          expr3: 875_000,
          expr4: 750_000,
          expr5: 200,
        });
        expect(byIndustry.get(null)).toEqual({
          attributes: { type: 'AggregateResult' },
          Industry: null,
          expr0: 1,
          expr1: 1,
          expr2: null,
          expr3: null,
          expr4: null,
          expr5: 50,
        });
      });

      it('aliases name their columns, and unaliased aggregates keep counting from expr0', async () => {
        const result = await conn.query(
          `SELECT Industry ind, COUNT(Id) cnt, SUM(AnnualRevenue), MAX(AnnualRevenue) maxRevenue
         FROM Account ${where()} AND Industry != null GROUP BY Industry ORDER BY Industry`,
        );
        expect(result.records.map(({ attributes: _a, ...rest }) => rest)).toEqual([
          { ind: 'Banking', cnt: 1, expr0: 500_000, maxRevenue: 500_000 },
          { ind: 'Energy', cnt: 1, expr0: 2_500_000, maxRevenue: 2_500_000 },
          { ind: 'Technology', cnt: 2, expr0: 1_750_000, maxRevenue: 1_000_000 },
        ]);
      });

      it('HAVING filters groups on an aggregate', async () => {
        const result = await conn.query(
          `SELECT Industry, COUNT(Id) FROM Account ${where()} GROUP BY Industry HAVING COUNT(Id) > 1`,
        );
        expect(
          result.records.map((r) => [stringField(r, 'Industry'), numberField(r, 'expr0')]),
        ).toEqual([['Technology', 2]]);
      });

      it('an aggregate without GROUP BY returns one row', async () => {
        const result = await conn.query(
          `SELECT COUNT(Id) total, SUM(NumberOfEmployees) FROM Account ${where()}`,
        );
        expect(result.totalSize).toBe(1);
        expect(numberField(result.records[0], 'total')).toBe(FIXTURES.length);
        expect(numberField(result.records[0], 'expr0')).toBe(310);
      });

      it('groups by a parent field', async () => {
        const me = await conn.identity();
        const result = await conn.query(
          `SELECT Owner.Name, COUNT(Id) FROM Account ${where()} GROUP BY Owner.Name`,
        );
        expect(result.records.map(({ attributes: _a, ...rest }) => rest)).toEqual([
          { Name: me.display_name, expr0: FIXTURES.length },
        ]);
      });
    });
  },
);
