import { StripeApiError } from '../model/stripe-error';
import { parseSearchQuery } from './search-query';

describe('parseSearchQuery', () => {
  it('parses metadata, quoted values, negation, numbers and null', () => {
    expect(
      parseSearchQuery(
        `metadata['salesforce_account_id']:'001A' -status:"canceled" amount>=500 email:null`,
      ),
    ).toEqual({
      combinator: 'AND',
      clauses: [
        {
          negated: false,
          field: { kind: 'metadata', key: 'salesforce_account_id' },
          operator: ':',
          value: { kind: 'string', text: '001A' },
        },
        {
          negated: true,
          field: { kind: 'field', name: 'status' },
          operator: ':',
          value: { kind: 'string', text: 'canceled' },
        },
        {
          negated: false,
          field: { kind: 'field', name: 'amount' },
          operator: '>=',
          value: { kind: 'number', value: 500 },
        },
        {
          negated: false,
          field: { kind: 'field', name: 'email' },
          operator: ':',
          value: { kind: 'null' },
        },
      ],
    });
  });

  it('reads OR between every clause and escaped quotes inside values', () => {
    const query = parseSearchQuery(`customer:'cus_1' OR customer:'cus_2' OR name:'O\\'Brien'`);
    expect(query.combinator).toBe('OR');
    expect(query.clauses.map((c) => c.value)).toEqual([
      { kind: 'string', text: 'cus_1' },
      { kind: 'string', text: 'cus_2' },
      { kind: 'string', text: "O'Brien" },
    ]);
  });

  it.each([
    ['', /empty/],
    ["a:'x' AND b:'y' OR c:'z'", /combine AND and OR/],
    ["a:'x' or b:'y'", /expected an operator/],
    ["a:'x'b:'y'", /a space, AND or OR/],
    ["a = 'x'", /an operator/],
    ["metadata.k:'x'", /metadata\['key'\]/],
    ['a:unquoted', /a quoted string, a number or null/],
    [Array.from({ length: 11 }, (_, i) => `f:'${i}'`).join(' OR '), /at most 10 clauses/],
  ])('refuses %j', (input, message) => {
    let caught: unknown;
    try {
      parseSearchQuery(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(StripeApiError);
    expect((caught as StripeApiError).statusCode).toBe(400);
    expect((caught as StripeApiError).body.param).toBe('query');
    expect((caught as StripeApiError).message).toMatch(message);
  });
});
