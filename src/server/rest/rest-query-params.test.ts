import { nextPageLink } from './rest-link-header';
import { parseListParams, toEnumValue, type ListParamsSpec } from './rest-query-params';

const SPEC: ListParamsSpec = {
  filters: {
    name: 'string',
    amount: 'float',
    employees: 'int',
    isWon: 'boolean',
    closeDate: 'date',
    createdDate: 'datetime',
    ownerId: 'id',
  },
  sortFields: ['name', 'amount', 'closeDate'],
  paging: true,
};

const parse = (query: string, spec: ListParamsSpec = SPEC) =>
  parseListParams(new URLSearchParams(query), spec);

describe('parseListParams', () => {
  it('maps field=value to eq and field[op]=value to the operator, coerced to the field type', () => {
    expect(
      parse(
        'name=Acme&amount[gte]=1000.5&amount[lt]=5000&employees[in]=10,20&isWon=true&closeDate[lte]=2025-12-31&createdDate[gt]=2025-01-01T00:00:00Z&ownerId[isNull]=false',
      ),
    ).toEqual({
      ok: true,
      value: {
        where: {
          name: { eq: 'Acme' },
          amount: { gte: 1000.5, lt: 5000 },
          employees: { in: [10, 20] },
          isWon: { eq: true },
          closeDate: { lte: '2025-12-31' },
          createdDate: { gt: '2025-01-01T00:00:00Z' },
          ownerId: { isNull: false },
        },
      },
    });
  });

  it('adds the values of every occurrence of a list operator', () => {
    expect(parse('name[in]=A,B&name[in]=C&name[nin]=D')).toEqual({
      ok: true,
      value: { where: { name: { in: ['A', 'B', 'C'], nin: ['D'] } } },
    });
  });

  it('turns sort into orderBy, a leading - descending, in the given order', () => {
    expect(parse('sort=-amount,name,closeDate')).toEqual({
      ok: true,
      value: {
        orderBy: [
          { field: 'AMOUNT', direction: 'DESC' },
          { field: 'NAME', direction: 'ASC' },
          { field: 'CLOSE_DATE', direction: 'ASC' },
        ],
      },
    });
  });

  it('passes first and after through', () => {
    expect(parse('first=200&after=abc')).toEqual({ ok: true, value: { first: 200, after: 'abc' } });
  });

  it('reports every problem at once, by parameter name', () => {
    const parsed = parse(
      'nope=1&amount=x&amount[like]=5&employees=1.5&isWon=yes&closeDate=2025-13-45&createdDate=2025-01-01&first=0&after=&sort=-color&name=A&name=B&ownerId[in]=',
    );
    expect(parsed).toEqual({
      ok: false,
      fields: {
        nope: expect.stringMatching(/^unknown parameter; filters: name, amount/),
        amount: 'must be a number',
        'amount[like]': expect.stringMatching(/^unknown operator "like" for amount/),
        employees: 'must be an integer',
        isWon: 'must be true or false',
        closeDate: 'must be a date (YYYY-MM-DD)',
        createdDate: expect.stringMatching(/^must be an ISO 8601 date-time/),
        first: 'must be an integer from 1 to 200',
        after: 'must be the endCursor of a previous page',
        sort: expect.stringMatching(/^cannot sort by "color"; one of name, amount, closeDate/),
        name: 'may be given once (use [in] for several values)',
        'ownerId[in]': 'needs at least one value',
      },
    });
  });

  it('refuses names of Object.prototype as filters, as any unknown parameter (400, not a crash)', () => {
    for (const query of ['constructor=1', 'toString[eq]=x', 'valueOf[gte]=1', '__proto__=1']) {
      const parsed = parse(query);
      expect({ query, ok: parsed.ok }).toEqual({ query, ok: false });
      if (!parsed.ok) {
        const name = query.slice(0, query.indexOf('='));
        expect(Object.hasOwn(parsed.fields, name)).toBe(true);
        expect(parsed.fields[name]).toMatch(/^unknown parameter/);
      }
    }
  });

  it('refuses the same operator twice and a sort key named twice', () => {
    expect(parse('name=A&name[eq]=B')).toMatchObject({
      ok: false,
      fields: { 'name[eq]': expect.any(String) },
    });
    expect(parse('sort=name,-name')).toEqual({
      ok: false,
      fields: { sort: '"name" is named twice' },
    });
  });

  it('refuses paging and sorting where the route has none (reports)', () => {
    expect(parse('first=5&sort=name', { filters: { name: 'string' } })).toEqual({
      ok: false,
      fields: {
        first: expect.stringMatching(/^unknown parameter/),
        sort: expect.stringMatching(/^unknown parameter/),
      },
    });
  });
});

describe('toEnumValue', () => {
  it('is the UPPER_SNAKE value of a camelCase name', () => {
    expect(toEnumValue('closeMonth')).toBe('CLOSE_MONTH');
    expect(toEnumValue('lastModifiedDate')).toBe('LAST_MODIFIED_DATE');
    expect(toEnumValue('owner')).toBe('OWNER');
  });
});

describe('nextPageLink', () => {
  it('keeps every other parameter, in order, and replaces after with the end cursor', () => {
    const search = new URLSearchParams('industry=Technology&after=old&sort=-amount&first=5');
    expect(
      nextPageLink('/salesforce/accounts', search, { hasNextPage: true, endCursor: 'c2=+/' }),
    ).toBe(
      '</salesforce/accounts?industry=Technology&sort=-amount&first=5&after=c2%3D%2B%2F>; rel="next"',
    );
  });

  it('is undefined on the last page', () => {
    const search = new URLSearchParams('first=5');
    expect(nextPageLink('/x', search, { hasNextPage: false, endCursor: 'c' })).toBeUndefined();
    expect(nextPageLink('/x', search, { hasNextPage: true, endCursor: null })).toBeUndefined();
  });
});
