import { parseQuery } from '../../emulators/quickbooks/query/query-parser';
import { inListQueries, inListStatement, MAX_ENCODED_QUERY_LENGTH, qboString } from './qbo-query';

describe('qboString', () => {
  it("backslash-escapes apostrophes and backslashes (Intuit's SDK escaping)", () => {
    expect(qboString("O'Brien & Sons")).toBe("'O\\'Brien & Sons'");
    expect(qboString('C:\\path\\')).toBe("'C:\\\\path\\\\'");
  });

  it.each([
    "x') or DisplayName like ('%",
    "x' or '1'='1",
    'ends with a backslash \\',
    "\\' in ('1','2') and Id > '0",
    "mixed \\\\' quotes ''' and \\",
  ])('keeps an injection attempt inside one literal: %s', (attempt) => {
    const statement = inListStatement({
      entity: 'Customer',
      field: 'DisplayName',
      values: [attempt, 'Acme'],
    });
    const parsed = parseQuery(statement);
    expect(parsed.entity).toBe('Customer');
    expect(parsed.where).toEqual([
      { field: 'DisplayName', operator: 'IN', value: [attempt, 'Acme'] },
    ]);
    expect(parsed.startPosition).toBe(1);
    expect(parsed.maxResults).toBe(1000);
  });
});

describe('inListQueries', () => {
  it('puts a page of 50 values into one statement, without duplicates', () => {
    const ids = Array.from({ length: 50 }, (_, i) => String(1000 + i));
    const queries = inListQueries('Invoice', 'CustomerRef', [...ids, ...ids]);
    expect(queries).toHaveLength(1);
    expect(queries[0]?.values).toEqual(ids);
    expect(inListStatement(queries[0]!, 1001)).toMatch(
      /^select \* from Invoice where CustomerRef in \('1000','1001',.*,'1049'\) startposition 1001 maxresults 1000$/,
    );
  });

  it('splits only when a statement would be too long, keeping every value once', () => {
    const names = Array.from({ length: 400 }, (_, i) => `Customer name number ${i} 'quoted'`);
    const queries = inListQueries('Customer', 'DisplayName', names);
    expect(queries.length).toBeGreaterThan(1);
    expect(queries.flatMap((q) => q.values)).toEqual(names);
    for (const query of queries) {
      expect(encodeURIComponent(inListStatement(query, 99_001)).length).toBeLessThanOrEqual(
        MAX_ENCODED_QUERY_LENGTH,
      );
    }
    // Greedy: merging any chunk with the next value would overflow.
    const first = queries[0]!;
    const second = queries[1]!;
    expect(
      encodeURIComponent(
        inListStatement(
          { ...first, values: [...first.values, second.values[0]!] },
          Number.MAX_SAFE_INTEGER,
        ),
      ).length,
    ).toBeGreaterThan(MAX_ENCODED_QUERY_LENGTH);
  });

  it('asks nothing for no values', () => {
    expect(inListQueries('Invoice', 'Id', [])).toEqual([]);
  });
});
