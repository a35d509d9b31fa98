import { isOrderByField } from '@jetstreamapp/soql-parser-js';
import { encodeCursor } from './keyset-cursor';
import { buildConnectionQuery } from './query-builders';
import { normalizeId } from './salesforce-id';
import type { OrderByInput, SalesforceRecord } from './soql.types';
import { evaluate, parseWhere } from '../../../../test/helpers/where-evaluator';

/*
 * Pages through random rows full of nulls and ties with the compiled query, evaluated in JS after
 * a round trip through soql-parser-js, and checks every row comes exactly once, in Salesforce's
 * order, for every combination of keys, directions and NULLS placement.
 */

let seed = 42;
function rand(n: number): number {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return Math.floor((seed / 2147483648) * n);
}
const pick = <T>(values: T[]): T => values[rand(values.length)];

const SOQL_FIELD: Record<string, string> = {
  NAME: 'Name',
  AMOUNT: 'Amount',
  CLOSE_DATE: 'CloseDate',
  CREATED_DATE: 'CreatedDate',
};

function makeRows(count: number): SalesforceRecord[] {
  const used = new Set<number>();
  const rows: SalesforceRecord[] = [];
  while (rows.length < count) {
    const n = rand(1_000_000);
    if (used.has(n)) continue;
    used.add(n);
    rows.push({
      attributes: { type: 'Opportunity' },
      Id: normalizeId(`006${String(n).padStart(12, '0')}`),
      Name: pick(['a', 'b', "c'd", null, null]),
      Amount: pick([1, 2, 2.5, -1, null, null]),
      CloseDate: pick(['2024-01-01', '2024-06-30', '2025-02-28', null]),
      CreatedDate: pick([
        '2024-01-01T00:00:00.000+0000',
        '2024-01-01T00:00:00.500+0000',
        '2024-03-01T10:00:00.000+0000',
        null,
      ]),
    });
  }
  return rows;
}

interface ExpectedKey {
  field: string;
  direction: 'ASC' | 'DESC';
  nulls: 'FIRST' | 'LAST';
}

/** Salesforce's documented defaults, computed independently of the compiler. */
function expectedKeys(orderBy: OrderByInput[]): ExpectedKey[] {
  return [
    ...orderBy.map((o): ExpectedKey => {
      const direction = o.direction ?? 'ASC';
      return {
        field: SOQL_FIELD[o.field],
        direction,
        nulls: o.nulls ?? (direction === 'ASC' ? 'FIRST' : 'LAST'),
      };
    }),
    { field: 'Id', direction: 'ASC', nulls: 'FIRST' },
  ];
}

function sortable(field: string, value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (field === 'CreatedDate') return Date.parse(String(value));
  return value as string | number;
}

function comparator(keys: ExpectedKey[]) {
  return (a: SalesforceRecord, b: SalesforceRecord): number => {
    for (const key of keys) {
      const x = sortable(key.field, a[key.field]);
      const y = sortable(key.field, b[key.field]);
      if (x === null && y === null) continue;
      if (x === null) return key.nulls === 'FIRST' ? -1 : 1;
      if (y === null) return key.nulls === 'FIRST' ? 1 : -1;
      if (x !== y) return (x < y ? -1 : 1) * (key.direction === 'ASC' ? 1 : -1);
    }
    return 0;
  };
}

function pageThrough(
  rows: SalesforceRecord[],
  orderBy: OrderByInput[],
  first: number,
): SalesforceRecord[] {
  const keys = expectedKeys(orderBy);
  const order = comparator(keys);
  const seen: SalesforceRecord[] = [];
  let after: string | null = null;
  for (let guard = 0; guard <= rows.length + 1; guard++) {
    const compiled = buildConnectionQuery({
      object: 'Opportunity',
      fields: ['Name'],
      first,
      orderBy,
      after,
    });
    const { query, where } = parseWhere(compiled.soql);
    const written = (Array.isArray(query.orderBy) ? query.orderBy : [query.orderBy]).map((o) =>
      o && isOrderByField(o) ? { field: o.field, direction: o.order, nulls: o.nulls } : undefined,
    );
    expect(written).toEqual(keys);
    expect(query.limit).toBe(first + 1);
    const matching = rows
      .filter((r) => evaluate(where, r))
      .sort(order)
      .slice(0, compiled.limit);
    const page = matching.slice(0, first);
    seen.push(...page);
    if (matching.length <= first) return seen;
    after = encodeCursor(page[page.length - 1], compiled.sortKeys);
  }
  throw new Error('paging did not terminate');
}

const rows = makeRows(36);
const FIELDS = Object.keys(SOQL_FIELD);
const OPTIONS: Array<Pick<OrderByInput, 'direction' | 'nulls'>> = [];
for (const direction of [undefined, 'ASC', 'DESC'] as const) {
  for (const nulls of [undefined, 'FIRST', 'LAST'] as const) OPTIONS.push({ direction, nulls });
}

/** Defaults are covered by the single-key cases; pairs use explicit directions to stay fast. */
const EXPLICIT = OPTIONS.filter((o) => o.direction !== undefined);

function check(orderBy: OrderByInput[], first: number): void {
  const expected = [...rows].sort(comparator(expectedKeys(orderBy))).map((r) => r.Id);
  const paged = pageThrough(rows, orderBy, first).map((r) => r.Id);
  expect(paged).toEqual(expected);
}

describe('keyset paging', () => {
  it('defaults to Id ASC', () => {
    check([], 7);
  });

  it.each(
    FIELDS.flatMap((field) =>
      OPTIONS.map((o) => [field, o.direction ?? '-', o.nulls ?? '-', o] as const),
    ),
  )('one key %s %s NULLS %s', (field, _d, _n, option) => {
    check([{ field, ...option }], 1 + rand(6));
  });

  it('every ordered pair of keys with every direction and NULLS placement', () => {
    for (const a of FIELDS) {
      for (const b of FIELDS) {
        if (a === b) continue;
        for (const oa of EXPLICIT) {
          for (const ob of EXPLICIT)
            check(
              [
                { field: a, ...oa },
                { field: b, ...ob },
              ],
              1 + rand(8),
            );
        }
      }
    }
  });

  it('random triples and quadruples of keys', () => {
    for (let n = 0; n < 100; n++) {
      const fields = [...FIELDS].sort(() => rand(3) - 1).slice(0, 3 + rand(2));
      check(
        fields.map((field) => ({ field, ...pick(OPTIONS) })),
        1 + rand(10),
      );
    }
  });

  it('pages of one row still visit every row', () => {
    check([{ field: 'AMOUNT', direction: 'DESC', nulls: 'FIRST' }, { field: 'NAME' }], 1);
  });
});
