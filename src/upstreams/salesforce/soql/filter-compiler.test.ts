import { buildCountQuery } from './query-builders';
import { SoqlInputError } from './soql-input-error';
import type { FilterInput, SObjectName } from './soql.types';
import { countComparisons, evaluate, parseWhere } from '../../../../test/helpers/where-evaluator';

const ACCOUNT_ID = '001000000000001AAA';
const ACCOUNT_ID_15 = '001000000000001';

/** The WHERE text of a compiled count query. */
function where(filter: FilterInput, object: SObjectName = 'Opportunity'): string {
  const soql = buildCountQuery({ object, where: filter });
  parseWhere(soql); // every output must parse back
  return soql.replace(/^SELECT COUNT\(\) FROM \w+(?: WHERE )?/, '');
}

function rejects(filter: unknown, pattern: RegExp, object: SObjectName = 'Opportunity'): void {
  let error: unknown;
  try {
    buildCountQuery({ object, where: filter as FilterInput });
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(SoqlInputError);
  expect((error as SoqlInputError).argument).toBe('where');
  expect((error as Error).message).toMatch(pattern);
}

describe('scalar operators', () => {
  it.each<[string, FilterInput, string]>([
    ['id eq (15 -> 18)', { id: { eq: '006000000000001' } }, "Id = '006000000000001AAA'"],
    ['id ne', { accountId: { ne: ACCOUNT_ID } }, `AccountId != '${ACCOUNT_ID}'`],
    [
      'id in',
      { accountId: { in: [ACCOUNT_ID_15, ACCOUNT_ID] } },
      `AccountId IN ('${ACCOUNT_ID}', '${ACCOUNT_ID}')`,
    ],
    ['id nin', { ownerId: { nin: ['005000000000001'] } }, "OwnerId NOT IN ('005000000000001AAA')"],
    ['string eq', { name: { eq: 'Big Deal' } }, "Name = 'Big Deal'"],
    ['string ne', { name: { ne: 'x' } }, "Name != 'x'"],
    [
      'string in',
      { stageName: { in: ['Closed Won', "O'Neil"] } },
      "StageName IN ('Closed Won', 'O\\'Neil')",
    ],
    ['string nin', { stageName: { nin: ['Closed Lost'] } }, "StageName NOT IN ('Closed Lost')"],
    ['string like', { name: { like: 'Big%' } }, "Name LIKE 'Big%'"],
    ['string isNull true', { type: { isNull: true } }, 'Type = null'],
    ['string isNull false', { type: { isNull: false } }, 'Type != null'],
    ['float eq', { amount: { eq: 1500.5 } }, 'Amount = 1500.5'],
    ['float ne', { amount: { ne: 0 } }, 'Amount != 0'],
    ['float lt', { amount: { lt: 10 } }, 'Amount < 10'],
    ['float lte', { amount: { lte: 10 } }, 'Amount <= 10'],
    ['float gt', { probability: { gt: 1e21 } }, 'Probability > 1000000000000000000000'],
    ['float gte', { amount: { gte: -2.5 } }, 'Amount >= -2.5'],
    ['float isNull', { amount: { isNull: true } }, 'Amount = null'],
    ['boolean eq true', { isWon: { eq: true } }, 'IsWon = true'],
    ['boolean eq false', { isClosed: { eq: false } }, 'IsClosed = false'],
    ['date eq', { closeDate: { eq: '2024-02-29' } }, 'CloseDate = 2024-02-29'],
    [
      'date Date object',
      { closeDate: { gte: new Date(Date.UTC(2024, 0, 31)) } },
      'CloseDate >= 2024-01-31',
    ],
    [
      'date ne lt',
      { closeDate: { ne: '2024-01-01', lt: '2025-01-01' } },
      'CloseDate != 2024-01-01 AND CloseDate < 2025-01-01',
    ],
    [
      'date lte gt',
      { closeDate: { lte: '2024-12-31', gt: '2024-01-01' } },
      'CloseDate <= 2024-12-31 AND CloseDate > 2024-01-01',
    ],
    ['date isNull', { closeDate: { isNull: false } }, 'CloseDate != null'],
    [
      'date relative',
      { closeDate: { relative: { literal: 'THIS_QUARTER' } } },
      'CloseDate = THIS_QUARTER',
    ],
    [
      'date relative n',
      { closeDate: { relative: { literal: 'NEXT_N_DAYS', n: 7 } } },
      'CloseDate = NEXT_N_DAYS:7',
    ],
    [
      'datetime eq',
      { createdDate: { eq: '2024-01-31T10:00:00Z' } },
      'CreatedDate = 2024-01-31T10:00:00Z',
    ],
    [
      'datetime Date object',
      { createdDate: { lt: new Date('2024-01-31T10:00:00.000Z') } },
      'CreatedDate < 2024-01-31T10:00:00Z',
    ],
    [
      'datetime offset',
      { createdDate: { lte: '2024-01-31T12:00:00+02:00' } },
      'CreatedDate <= 2024-01-31T10:00:00Z',
    ],
    [
      'datetime gt gte',
      { lastModifiedDate: { gt: '2024-01-01T00:00:00Z', gte: '2024-01-02T00:00:00Z' } },
      'LastModifiedDate > 2024-01-01T00:00:00Z AND LastModifiedDate >= 2024-01-02T00:00:00Z',
    ],
    ['datetime isNull', { createdDate: { isNull: true } }, 'CreatedDate = null'],
    [
      'datetime + date-only literal',
      { createdDate: { relative: { literal: 'LAST_N_DAYS', n: 30 } } },
      'CreatedDate = LAST_N_DAYS:30',
    ],
    [
      'datetime THIS_QUARTER',
      { lastModifiedDate: { relative: { literal: 'THIS_QUARTER' } } },
      'LastModifiedDate = THIS_QUARTER',
    ],
  ])('%s', (_label, filter, expected) => {
    expect(where(filter)).toBe(expected);
  });

  it('compiles int operators on Account.numberOfEmployees', () => {
    expect(
      where({ numberOfEmployees: { eq: 5, ne: 6, lt: 7, lte: 8, gt: 1, gte: 2 } }, 'Account'),
    ).toBe(
      'NumberOfEmployees = 5 AND NumberOfEmployees != 6 AND NumberOfEmployees < 7 AND NumberOfEmployees <= 8 AND NumberOfEmployees > 1 AND NumberOfEmployees >= 2',
    );
    expect(where({ numberOfEmployees: { in: [1, 2], nin: [3], isNull: false } }, 'Account')).toBe(
      'NumberOfEmployees IN (1, 2) AND NumberOfEmployees NOT IN (3) AND NumberOfEmployees != null',
    );
  });

  it('ignores absent operators and filters that constrain nothing', () => {
    expect(where({ name: { like: undefined } })).toBe('');
    expect(where({ name: undefined, amount: { gt: 1 } })).toBe('Amount > 1');
    expect(where({})).toBe('');
    expect(where({ and: [] })).toBe('');
  });

  it('treats nin: [] as no constraint', () => {
    expect(where({ stageName: { nin: [] } })).toBe('');
  });
});

describe('null operands', () => {
  it.each<[string, FilterInput, string, SObjectName]>([
    ['id eq null', { accountId: { eq: null } }, 'AccountId = null', 'Contact'],
    ['id ne null', { accountId: { ne: null } }, 'AccountId != null', 'Contact'],
    ['id isNull (new)', { accountId: { isNull: true } }, 'AccountId = null', 'Contact'],
    ['string eq null', { name: { eq: null } }, 'Name = null', 'Opportunity'],
    ['string ne null', { name: { ne: null } }, 'Name != null', 'Opportunity'],
    ['int eq null', { numberOfEmployees: { eq: null } }, 'NumberOfEmployees = null', 'Account'],
    ['float ne null', { amount: { ne: null } }, 'Amount != null', 'Opportunity'],
    ['boolean eq null', { isWon: { eq: null } }, 'IsWon = null', 'Opportunity'],
    ['boolean ne null', { isWon: { ne: null } }, 'IsWon != null', 'Opportunity'],
    ['date eq null', { closeDate: { eq: null } }, 'CloseDate = null', 'Opportunity'],
    ['datetime ne null', { createdDate: { ne: null } }, 'CreatedDate != null', 'Opportunity'],
  ])('%s', (_label, filter, expected, object) => {
    expect(where(filter, object)).toBe(expected);
  });

  it.each<[string, unknown, RegExp]>([
    ['in null', { name: { in: null } }, /where\.name\.in is null; give a list/],
    ['nin null', { stageName: { nin: null } }, /where\.stageName\.nin is null/],
    ['id in null', { accountId: { in: null } }, /where\.accountId\.in is null/],
    ['float in null', { amount: { in: null } }, /where\.amount\.in is null/],
    ['null inside in', { name: { in: ['a', null] } }, /where\.name\.in\[1\] is null/],
    ['null inside nin', { amount: { nin: [null] } }, /where\.amount\.nin\[0\] is null/],
    ['lt null', { amount: { lt: null } }, /where\.amount\.lt is null/],
    ['lte null', { amount: { lte: null } }, /where\.amount\.lte is null/],
    ['gt null', { closeDate: { gt: null } }, /where\.closeDate\.gt is null/],
    ['gte null', { createdDate: { gte: null } }, /where\.createdDate\.gte is null/],
    ['like null', { name: { like: null } }, /where\.name\.like is null/],
    ['isNull null', { name: { isNull: null } }, /where\.name\.isNull is null; give true or false/],
    ['relative null', { closeDate: { relative: null } }, /where\.closeDate\.relative is null/],
    ['field filter null', { name: null }, /where\.name is null; give a filter/],
    ['and null', { and: null }, /where\.and is null/],
    ['or null', { or: null }, /where\.or is null/],
    ['not null', { not: null }, /where\.not is null/],
    ['null item of or', { or: [{ name: { eq: 'a' } }, null] }, /where\.or\[1\] is null/],
    ['nested', { not: { amount: { gt: null } } }, /where\.not\.amount\.gt is null/],
  ])('refuses %s', (_label, filter, pattern) => {
    rejects(filter, pattern);
  });

  it('keeps the SOQL meaning of eq/ne null when evaluated', () => {
    const rows = [{ Amount: null }, { Amount: 5 }];
    const parsed = (filter: FilterInput) =>
      parseWhere(buildCountQuery({ object: 'Opportunity', where: filter })).where;
    const isNull = parsed({ amount: { eq: null } });
    const isSet = parsed({ amount: { ne: null } });
    expect(rows.filter((r) => evaluate(isNull, r))).toEqual([{ Amount: null }]);
    expect(rows.filter((r) => evaluate(isSet, r))).toEqual([{ Amount: 5 }]);
  });
});

describe('operators added to the contract', () => {
  it.each<[string, FilterInput, string, SObjectName]>([
    ['IDFilter.isNull false', { parentId: { isNull: false } }, 'ParentId != null', 'Account'],
    ['FloatFilter.in', { amount: { in: [1.5, 2] } }, 'Amount IN (1.5, 2)', 'Opportunity'],
    ['FloatFilter.nin', { amount: { nin: [3] } }, 'Amount NOT IN (3)', 'Opportunity'],
    ['BooleanFilter.ne', { isClosed: { ne: true } }, 'IsClosed != true', 'Opportunity'],
    ['BooleanFilter.isNull', { isWon: { isNull: false } }, 'IsWon != null', 'Opportunity'],
    [
      'DateTimeFilter.ne',
      { createdDate: { ne: '2025-01-01T00:00:00Z' } },
      'CreatedDate != 2025-01-01T00:00:00Z',
      'Opportunity',
    ],
  ])('%s', (_label, filter, expected, object) => {
    expect(where(filter, object)).toBe(expected);
  });
});

describe('logical composition', () => {
  it('ANDs several keys and several operators', () => {
    expect(where({ name: { like: 'A%' }, amount: { gt: 1, lt: 5 } })).toBe(
      "Name LIKE 'A%' AND Amount > 1 AND Amount < 5",
    );
  });

  it('parenthesizes OR inside AND and AND inside OR', () => {
    expect(
      where({
        amount: { gt: 1 },
        or: [{ name: { eq: 'a' } }, { name: { eq: 'b' }, type: { eq: 'c' } }],
      }),
    ).toBe("Amount > 1 AND (Name = 'a' OR (Name = 'b' AND Type = 'c'))");
  });

  it('writes NOT as NOT (...), parenthesised when nested', () => {
    expect(where({ not: { name: { eq: 'a' } } })).toBe("NOT (Name = 'a')");
    expect(
      where({ not: { or: [{ name: { eq: 'a' } }, { name: { eq: 'b' } }] }, amount: { gt: 0 } }),
    ).toBe("(NOT (Name = 'a' OR Name = 'b')) AND Amount > 0");
    expect(
      where({
        or: [{ not: { name: { eq: 'a' } } }, { not: { not: { amount: { isNull: true } } } }],
      }),
    ).toBe("(NOT (Name = 'a')) OR (NOT (NOT (Amount = null)))");
  });

  it('flattens nested and/or of the same kind', () => {
    expect(where({ and: [{ and: [{ name: { eq: 'a' } }] }, { amount: { gt: 1 } }] })).toBe(
      "Name = 'a' AND Amount > 1",
    );
    expect(
      where({
        or: [{ or: [{ name: { eq: 'a' } }, { name: { eq: 'b' } }] }, { amount: { gt: 1 } }],
      }),
    ).toBe("Name = 'a' OR Name = 'b' OR Amount > 1");
  });

  it('an OR with an empty branch matches everything', () => {
    expect(where({ or: [{}, { name: { eq: 'a' } }] })).toBe('');
  });

  it('keeps the meaning of deep random trees (checked by evaluating the parsed-back query)', () => {
    const leaves: FilterInput[] = [
      { amount: { gt: 5 } },
      { amount: { isNull: true } },
      { name: { like: 'a%' } },
      { stageName: { in: ['x', 'y'] } },
      { isWon: { eq: true } },
    ];
    const rows = [
      { Amount: 10, Name: 'abc', StageName: 'x', IsWon: true },
      { Amount: null, Name: 'b', StageName: 'y', IsWon: false },
      { Amount: 1, Name: 'a', StageName: 'z', IsWon: false },
      { Amount: 6, Name: null, StageName: null, IsWon: true },
    ];
    type Pred = (row: (typeof rows)[number]) => boolean;
    const leafPreds: Pred[] = [
      (r) => r.Amount !== null && r.Amount > 5,
      (r) => r.Amount === null,
      (r) => r.Name !== null && r.Name.toLowerCase().startsWith('a'),
      (r) => r.StageName === 'x' || r.StageName === 'y',
      (r) => r.IsWon,
    ];
    let seed = 7;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const build = (depth: number): [FilterInput, Pred] => {
      const choice = depth > 3 ? 0 : rand(4);
      if (choice === 0) {
        const i = rand(leaves.length);
        return [leaves[i], leafPreds[i]];
      }
      if (choice === 3) {
        const [f, p] = build(depth + 1);
        return [{ not: f }, (r) => !p(r)];
      }
      const parts = [build(depth + 1), build(depth + 1), build(depth + 1)].slice(0, 2 + rand(2));
      return choice === 1
        ? [{ and: parts.map((p) => p[0]) }, (r) => parts.every((p) => p[1](r))]
        : [{ or: parts.map((p) => p[0]) }, (r) => parts.some((p) => p[1](r))];
    };
    for (let n = 0; n < 200; n++) {
      const [filter, pred] = build(0);
      const parsed = parseWhere(buildCountQuery({ object: 'Opportunity', where: filter })).where;
      expect(countComparisons(parsed)).toBeGreaterThan(0);
      for (const row of rows) expect(evaluate(parsed, row)).toBe(pred(row));
    }
  });
});

describe('bad input', () => {
  it.each<[string, unknown, RegExp]>([
    ['empty in', { stageName: { in: [] } }, /where\.stageName\.in must not be empty/],
    ['empty or', { or: [] }, /where\.or must not be empty/],
    ['empty not', { not: {} }, /where\.not must contain at least one condition/],
    ['unknown field', { bogus: { eq: 1 } }, /Unknown filter field where\.bogus for Opportunity/],
    ['unknown operator', { name: { startsWith: 'a' } }, /Operator startsWith is not supported/],
    ['like on a number', { amount: { like: '1%' } }, /Operator like is not supported on float/],
    ['relative on a string', { name: { relative: { literal: 'TODAY' } } }, /Operator relative/],
    ['wrong value type', { amount: { gt: '5' } }, /Expected a finite number at where\.amount\.gt/],
    ['string for boolean', { isWon: { eq: 'true' } }, /Expected a boolean/],
    [
      'invalid date',
      { closeDate: { eq: '2024-02-30' } },
      /Invalid Date "2024-02-30" at where\.closeDate\.eq/,
    ],
    ['datetime without zone', { createdDate: { gt: '2024-01-31T10:00:00' } }, /Invalid DateTime/],
    ['malformed id', { accountId: { eq: "001' OR Id != '" } }, /Invalid Salesforce Id/],
    [
      'malformed id in list',
      { accountId: { in: [ACCOUNT_ID, 'short'] } },
      /Invalid Salesforce Id "short".*accountId\.in\[1\]/,
    ],
    [
      'n missing',
      { closeDate: { relative: { literal: 'LAST_N_DAYS' } } },
      /n is required with LAST_N_DAYS/,
    ],
    [
      'n negative',
      { closeDate: { relative: { literal: 'LAST_N_DAYS', n: -1 } } },
      /non-negative integer/,
    ],
    [
      'n forbidden',
      { closeDate: { relative: { literal: 'THIS_QUARTER', n: 2 } } },
      /n is not allowed with THIS_QUARTER/,
    ],
    [
      'unknown literal',
      { closeDate: { relative: { literal: 'SOMEDAY' } } },
      /Unknown date literal "SOMEDAY"/,
    ],
    ['isNull not boolean', { name: { isNull: 'yes' } }, /isNull must be a boolean/],
    ['in not a list', { name: { in: 'a' } }, /where\.name\.in must be a list/],
    ['filter not an object', { name: 'a' }, /where\.name must be an object of operators/],
    [
      'lone surrogate',
      { name: { eq: 'a\ud800' } },
      /unpaired UTF-16 surrogates \(at where\.name\.eq\)/,
    ],
  ])('%s -> SoqlInputError', (_label, filter, pattern) => {
    rejects(filter, pattern);
  });

  it('rejects a fractional Int', () => {
    rejects(
      { numberOfEmployees: { eq: 1.5 } },
      /Expected an integer at where\.numberOfEmployees\.eq/,
      'Account',
    );
  });

  it('rejects filters nested absurdly deep', () => {
    let filter: FilterInput = { name: { eq: 'a' } };
    for (let i = 0; i < 40; i++) filter = { not: filter };
    rejects(filter, /nested more than 32 levels/);
  });

  it('rejects a filter whose query URL would exceed 16,384 bytes, stating both lengths', () => {
    const names = Array.from({ length: 400 }, (_, i) => `${i}`.padEnd(255, 'x'));
    rejects(
      { name: { in: names } },
      /query URL of [\d,]+ characters; Salesforce accepts at most 16,384 in a request URL; use fewer values/,
    );
  });
});
