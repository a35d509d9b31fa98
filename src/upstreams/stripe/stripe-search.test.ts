import { parseSearchQuery } from '../../emulators/stripe/search/search-query';
import { chunk, fieldClause, metadataClause, orQueries, searchLiteral } from './stripe-search';

describe('Stripe search query building', () => {
  it('quotes plain values and escapes quotes and backslashes', () => {
    expect(searchLiteral('001A')).toBe("'001A'");
    expect(searchLiteral("O'Brien")).toBe("'O\\'Brien'");
    expect(searchLiteral('a"b')).toBe("'a\\\"b'");
    expect(searchLiteral('a\\b')).toBe("'a\\\\b'");
    expect(metadataClause('salesforce_account_id', '001A')).toBe(
      "metadata['salesforce_account_id']:'001A'",
    );
    expect(fieldClause('customer', 'cus_1')).toBe("customer:'cus_1'");
  });

  it.each([
    "x' OR metadata['salesforce_account_id']:'001B",
    "x\\' OR customer:'cus_other",
    "x\\\\' OR status:'succeeded",
    '" OR customer:"cus_2',
    'trailing backslash \\',
    "'",
  ])('keeps the injection attempt %j inside one literal', (attempt) => {
    // The emulator's parser reads the query as Stripe documents it: one clause, the exact value.
    const parsed = parseSearchQuery(metadataClause('salesforce_account_id', attempt));
    expect(parsed.clauses).toEqual([
      {
        negated: false,
        field: { kind: 'metadata', key: 'salesforce_account_id' },
        operator: ':',
        value: { kind: 'string', text: attempt },
      },
    ]);
    const customer = parseSearchQuery(fieldClause('customer', attempt));
    expect(customer.clauses).toHaveLength(1);
    expect(customer.clauses[0]?.value).toEqual({ kind: 'string', text: attempt });
  });

  it('makes one OR query per 10 distinct values', () => {
    const ids = Array.from({ length: 23 }, (_, i) => `cus_${i}`);
    const queries = orQueries([...ids, 'cus_0'], (id) => fieldClause('customer', id));
    expect(queries).toHaveLength(3);
    expect(queries.map((q) => parseSearchQuery(q).clauses.length)).toEqual([10, 10, 3]);
    expect(parseSearchQuery(queries[0] as string).combinator).toBe('OR');
    expect(chunk([1, 2, 2, 3], 2)).toEqual([[1, 2], [3]]);
    expect(orQueries([], (id) => id)).toEqual([]);
  });
});
