import { parseQuery } from '@jetstreamapp/soql-parser-js';
import { encodeCursor } from './keyset-cursor';
import {
  buildByFieldValuesQuery,
  buildByIdsQuery,
  buildChildConnectionsQuery,
  buildConnectionQuery,
  buildCountQuery,
  buildGroupedCountQuery,
} from './query-builders';
import { SoqlInputError } from './soql-input-error';

const A1 = '001000000000001AAA';
const A2 = '001000000000002AAA';

function inputError(fn: () => unknown): SoqlInputError {
  try {
    fn();
  } catch (err) {
    if (err instanceof SoqlInputError) return err;
    throw err;
  }
  throw new Error('expected a SoqlInputError');
}

describe('buildConnectionQuery', () => {
  it('selects Id, the fields and the sort fields once, orders with explicit NULLS and asks first+1', () => {
    const compiled = buildConnectionQuery({
      object: 'Account',
      fields: ['Name', 'name', 'Owner.Name', 'AnnualRevenue', 'Id'],
      first: 25,
      orderBy: [{ field: 'ANNUAL_REVENUE', direction: 'DESC' }, { field: 'CREATED_DATE' }],
    });
    expect(compiled.soql).toBe(
      'SELECT Id, Name, Owner.Name, AnnualRevenue, CreatedDate FROM Account ' +
        'ORDER BY AnnualRevenue DESC NULLS LAST, CreatedDate ASC NULLS FIRST, Id ASC NULLS FIRST LIMIT 26',
    );
    expect(compiled.limit).toBe(26);
    expect(compiled.sortKeys).toEqual([
      { field: 'AnnualRevenue', direction: 'DESC', nulls: 'LAST' },
      { field: 'CreatedDate', direction: 'ASC', nulls: 'FIRST' },
      { field: 'Id', direction: 'ASC', nulls: 'FIRST' },
    ]);
  });

  it('defaults to Id ASC and honours explicit nulls', () => {
    expect(buildConnectionQuery({ object: 'Lead', fields: [], first: 0 }).soql).toBe(
      'SELECT Id FROM Lead ORDER BY Id ASC NULLS FIRST LIMIT 1',
    );
    expect(
      buildConnectionQuery({
        object: 'Contact',
        fields: [],
        first: 1,
        orderBy: [{ field: 'EMAIL', nulls: 'LAST' }],
      }).soql,
    ).toContain('ORDER BY Email ASC NULLS LAST, Id ASC NULLS FIRST');
  });

  it('accepts SOQL names as sort values too', () => {
    expect(
      buildConnectionQuery({
        object: 'Opportunity',
        fields: [],
        first: 1,
        orderBy: [{ field: 'CloseDate' }],
      }).sortKeys[0].field,
    ).toBe('CloseDate');
  });

  it('ANDs scope, where and the after predicate with the right parentheses', () => {
    const orderBy = [{ field: 'LAST_NAME' as const }];
    const { sortKeys } = buildConnectionQuery({ object: 'Contact', fields: [], first: 2, orderBy });
    const after = encodeCursor({ Id: '003000000000001AAA', LastName: 'Smith' }, sortKeys);
    const { soql } = buildConnectionQuery({
      object: 'Contact',
      fields: ['LastName'],
      first: 2,
      orderBy,
      after,
      scope: { field: 'AccountId', ids: [A1, '001000000000002', A1] },
      where: { or: [{ email: { like: '%@acme.com' } }, { title: { eq: 'CEO' } }] },
    });
    expect(soql).toBe(
      `SELECT Id, LastName FROM Contact WHERE AccountId IN ('${A1}', '${A2}') ` +
        "AND (Email LIKE '%@acme.com' OR Title = 'CEO') " +
        "AND (LastName > 'Smith' OR (LastName = 'Smith' AND Id > '003000000000001AAA')) " +
        'ORDER BY LastName ASC NULLS FIRST, Id ASC NULLS FIRST LIMIT 3',
    );
    expect(() => parseQuery(soql)).not.toThrow();
  });

  it.each([-1, 201, 1.5, Number.NaN, 1000])('rejects first = %p', (first) => {
    const error = inputError(() => buildConnectionQuery({ object: 'Account', fields: [], first }));
    expect(error.argument).toBe('first');
    expect(error.message).toMatch(/^`first` must be between 0 and 200/);
  });

  it('accepts first = 200', () => {
    expect(buildConnectionQuery({ object: 'Account', fields: [], first: 200 }).limit).toBe(201);
  });

  it.each([
    [[{ field: 'BOGUS' }], /unknown sort field "BOGUS" for Account; expected one of NAME/],
    [[{ field: 'NAME' }, { field: 'NAME', direction: 'DESC' as const }], /already sorted on/],
    [[{ field: 'NAME', direction: 'UP' as never }], /direction must be ASC or DESC/],
    [[{ field: 'NAME', nulls: 'MIDDLE' as never }], /nulls must be FIRST or LAST/],
  ])('rejects orderBy %j', (orderBy, pattern) => {
    const error = inputError(() =>
      buildConnectionQuery({ object: 'Account', fields: [], first: 1, orderBy }),
    );
    expect(error.argument).toBe('orderBy');
    expect(error.message).toMatch(pattern);
  });

  it('rejects a cursor from another orderBy', () => {
    const { sortKeys } = buildConnectionQuery({
      object: 'Account',
      fields: [],
      first: 1,
      orderBy: [{ field: 'NAME' }],
    });
    const after = encodeCursor({ Id: A1, Name: 'x' }, sortKeys);
    const error = inputError(() =>
      buildConnectionQuery({
        object: 'Account',
        fields: [],
        first: 1,
        orderBy: [{ field: 'NAME', direction: 'DESC' }],
        after,
      }),
    );
    expect(error.argument).toBe('after');
  });

  it('treats bad field paths and unknown objects as programming errors', () => {
    expect(() =>
      buildConnectionQuery({
        object: 'Account',
        fields: ['Name, (SELECT Id FROM Users)'],
        first: 1,
      }),
    ).toThrow(TypeError);
    expect(() =>
      buildConnectionQuery({ object: 'Account', fields: ['A.B.C.D.E.F.Name'], first: 1 }),
    ).toThrow(TypeError);
    expect(() => buildConnectionQuery({ object: 'Case' as never, fields: [], first: 1 })).toThrow(
      TypeError,
    );
    expect(() =>
      buildConnectionQuery({
        object: 'Account',
        fields: [],
        first: 1,
        scope: { field: 'ParentId', ids: [] },
      }),
    ).toThrow(RangeError);
  });

  it('allows five relationship levels in a path', () => {
    expect(
      buildConnectionQuery({
        object: 'Account',
        fields: ['Parent.Parent.Parent.Parent.Owner.Name'],
        first: 1,
      }).soql,
    ).toContain('Parent.Parent.Parent.Parent.Owner.Name');
  });
});

describe('buildCountQuery', () => {
  it('counts with COUNT() and the same WHERE', () => {
    expect(buildCountQuery({ object: 'Opportunity', where: { isClosed: { eq: false } } })).toBe(
      'SELECT COUNT() FROM Opportunity WHERE IsClosed = false',
    );
    expect(buildCountQuery({ object: 'Contact', scope: { field: 'AccountId', ids: [A1] } })).toBe(
      `SELECT COUNT() FROM Contact WHERE AccountId IN ('${A1}')`,
    );
    expect(buildCountQuery({ object: 'Lead' })).toBe('SELECT COUNT() FROM Lead');
  });
});

describe('buildGroupedCountQuery', () => {
  it('counts per parent in one query', () => {
    const soql = buildGroupedCountQuery({
      object: 'Contact',
      groupField: 'AccountId',
      ids: [A1, A2],
      where: { or: [{ title: { eq: 'CEO' } }, { title: { isNull: true } }] },
    });
    expect(soql).toBe(
      `SELECT AccountId, COUNT(Id) FROM Contact WHERE AccountId IN ('${A1}', '${A2}') ` +
        "AND (Title = 'CEO' OR Title = null) GROUP BY AccountId",
    );
    expect(() => parseQuery(soql)).not.toThrow();
  });

  it('refuses more than 200 ids and malformed ids', () => {
    const ids = Array.from({ length: 201 }, (_, i) => `001${String(i).padStart(12, '0')}`);
    expect(() =>
      buildGroupedCountQuery({ object: 'Contact', groupField: 'AccountId', ids }),
    ).toThrow(RangeError);
    expect(() =>
      buildGroupedCountQuery({ object: 'Contact', groupField: 'AccountId', ids: ['nope'] }),
    ).toThrow(SoqlInputError);
  });
});

describe('buildChildConnectionsQuery', () => {
  it('loads a page of children per parent with a subquery', () => {
    const compiled = buildChildConnectionsQuery({
      parent: 'Account',
      relationship: 'Opportunities',
      child: 'Opportunity',
      fields: ['Name', 'Amount'],
      where: {
        stageName: { ne: 'Closed Lost' },
        or: [{ amount: { gt: 100 } }, { amount: { isNull: true } }],
      },
      orderBy: [{ field: 'CLOSE_DATE', direction: 'DESC' }],
      first: 3,
      parentIds: [A1, A2],
    });
    expect(compiled.soql).toBe(
      'SELECT Id, (SELECT Id, Name, Amount, CloseDate FROM Opportunities ' +
        "WHERE StageName != 'Closed Lost' AND (Amount > 100 OR Amount = null) " +
        'ORDER BY CloseDate DESC NULLS LAST, Id ASC NULLS FIRST LIMIT 4) ' +
        `FROM Account WHERE Id IN ('${A1}', '${A2}')`,
    );
    expect(compiled.limit).toBe(4);
    expect(compiled.sortKeys.map((k) => k.field)).toEqual(['CloseDate', 'Id']);
    expect(() => parseQuery(compiled.soql)).not.toThrow();
  });

  it('validates first, the child filter and the relationship name', () => {
    const base = {
      parent: 'Account' as const,
      relationship: 'Contacts',
      child: 'Contact' as const,
      fields: [] as string[],
      first: 5,
      parentIds: [A1],
    };
    expect(inputError(() => buildChildConnectionsQuery({ ...base, first: 201 })).argument).toBe(
      'first',
    );
    expect(
      inputError(() => buildChildConnectionsQuery({ ...base, where: { stageName: { eq: 'x' } } }))
        .message,
    ).toMatch(/Unknown filter field where\.stageName for Contact/);
    expect(() =>
      buildChildConnectionsQuery({ ...base, relationship: 'Contacts) FROM User --' }),
    ).toThrow(TypeError);
  });
});

describe('buildByIdsQuery', () => {
  it('selects by normalized, de-duplicated Ids', () => {
    expect(
      buildByIdsQuery({
        object: 'User',
        fields: ['Name', 'Email'],
        ids: ['005000000000001', '005000000000001AAA'],
      }),
    ).toBe("SELECT Id, Name, Email FROM User WHERE Id IN ('005000000000001AAA')");
  });

  it('rejects a malformed Id with SoqlInputError', () => {
    expect(
      inputError(() => buildByIdsQuery({ object: 'User', fields: [], ids: ["' OR Id != '"] }))
        .argument,
    ).toBe('ids');
  });
});

describe('buildByFieldValuesQuery', () => {
  it('selects records by a link field, escaping every value', () => {
    const soql = buildByFieldValuesQuery({
      object: 'Account',
      fields: ['Name'],
      field: 'Stripe_Customer_Id__c',
      values: ['cus_1', "cus_2' OR Name != '", 'cus_1'],
    });
    expect(soql).toBe(
      "SELECT Id, Name, Stripe_Customer_Id__c FROM Account WHERE Stripe_Customer_Id__c IN ('cus_1', 'cus_2\\' OR Name != \\'')",
    );
    // The injected quote stays inside one string literal: one IN list of two values.
    const where = parseQuery(soql).where;
    expect(where?.left).toMatchObject({ field: 'Stripe_Customer_Id__c', operator: 'IN' });
    expect(where && 'right' in where ? where.right : undefined).toBeUndefined();
  });

  it('refuses a field name that is not an API name, and empty or oversized value lists', () => {
    const base = { object: 'Account' as const, fields: ['Name'], values: ['x'] };
    expect(() => buildByFieldValuesQuery({ ...base, field: 'Name) OR (Id' })).toThrow();
    expect(() => buildByFieldValuesQuery({ ...base, field: 'Link__c', values: [] })).toThrow(
      RangeError,
    );
    const many = Array.from({ length: 201 }, (_, i) => `v${i}`);
    expect(() => buildByFieldValuesQuery({ ...base, field: 'Link__c', values: many })).toThrow(
      RangeError,
    );
  });
});
