import { buildConnectionQuery } from './query-builders';
import { SoqlInputError } from './soql-input-error';
import {
  escapeSoqlString,
  formatDecimal,
  formatSoqlDate,
  formatSoqlDateTime,
  soqlLikePattern,
  soqlString,
} from './soql-literals';
import { evaluate, parseWhere, unquoteSoqlString } from '../../../../test/helpers/where-evaluator';

/** Compiles `name: { <op>: value }` and parses it back with soql-parser-js. */
function roundTrip(op: 'eq' | 'like', value: string) {
  const { soql } = buildConnectionQuery({
    object: 'Account',
    fields: ['Name'],
    first: 1,
    where: { name: { [op]: value } },
  });
  const { query, where } = parseWhere(soql);
  return { soql, query, where };
}

const NASTY = [
  "O'Brien",
  "' OR Name != '",
  "\\'",
  "x\\' OR Id != null OR Name = \\'",
  'back\\slash\\\\double',
  'quote " double',
  'line1\nline2\r\nline3\ttab',
  'bell\b form\f',
  'control \u0001\u001f\u007f',
  'unicode é 日本語 😀 \u2028',
  "') FROM User --",
  '%_ wildcards_%',
  'x'.repeat(10_000),
  // As long as the request-URL limit lets a quote-only value be (each is `%5C%27` on the wire).
  "'".repeat(2500),
];

describe('escapeSoqlString', () => {
  it('escapes exactly the SOQL escape sequences', () => {
    expect(escapeSoqlString(`a'b"c\\d\ne\rf\tg\bh\fi`)).toBe(`a\\'b\\"c\\\\d\\ne\\rf\\tg\\bh\\fi`);
    expect(escapeSoqlString('\u0001')).toBe('\\u0001');
    expect(escapeSoqlString('%_')).toBe('%_');
    expect(escapeSoqlString('é😀')).toBe('é😀');
  });

  it('refuses unpaired surrogates, which cannot be URL-encoded', () => {
    expect(() => escapeSoqlString('a\ud800b')).toThrow(SoqlInputError);
    expect(() => escapeSoqlString('\udc00')).toThrow(SoqlInputError);
  });

  it.each(
    NASTY.map((v) => [v.length > 40 ? `${v.slice(0, 20)}…(${v.length})` : JSON.stringify(v), v]),
  )('eq %s parses back as one condition holding the literal value', (_label, value) => {
    const { where, soql } = roundTrip('eq', value);
    expect(where?.kind).toBe('compare');
    if (where?.kind !== 'compare') return;
    expect(where.condition.field).toBe('Name');
    expect(where.condition.operator).toBe('=');
    expect(unquoteSoqlString(String(where.condition.value))).toBe(value);
    expect(soql).not.toMatch(/[\n\r\t]/);
    expect(evaluate(where, { Name: value })).toBe(true);
    expect(evaluate(where, { Name: `${value}x` })).toBe(false);
  });

  it('keeps an injection attempt inside its literal', () => {
    const { soql, query } = roundTrip('eq', "' OR Name != '");
    expect(soql).toContain("WHERE Name = '\\' OR Name != \\''");
    expect(query.where && 'right' in query.where).toBe(false);
  });
});

describe('soqlLikePattern', () => {
  it('treats % and _ as wildcards and \\% \\_ \\\\ as literals, like the Salesforce GraphQL API', () => {
    expect(soqlLikePattern('Acme%')).toBe("'Acme%'");
    expect(soqlLikePattern('A_me')).toBe("'A_me'");
    expect(soqlLikePattern('50\\%')).toBe("'50\\%'");
    expect(soqlLikePattern('a\\_b')).toBe("'a\\_b'");
    expect(soqlLikePattern('a\\\\b')).toBe("'a\\\\b'");
    expect(soqlLikePattern("O'Br%")).toBe("'O\\'Br%'");
    // A backslash not escaping %, _ or \ is a literal backslash.
    expect(soqlLikePattern('a\\b')).toBe("'a\\\\b'");
    expect(soqlLikePattern('end\\')).toBe("'end\\\\'");
  });

  it.each([
    ['Acme%', 'Acme Corp', true],
    ['Acme%', 'The Acme', false],
    ['%cme%', 'The Acme Corp', true],
    ['A_me', 'Acme', true],
    ['A_me', 'Acmme', false],
    ['50\\%', '50%', true],
    ['50\\%', '500', false],
    ['a\\_b', 'a_b', true],
    ['a\\_b', 'axb', false],
    ["%' OR Name != '%", "x' OR Name != 'y", true],
  ])('like %j matches %j: %s', (pattern, name, expected) => {
    const { where } = roundTrip('like', pattern);
    expect(where?.kind).toBe('compare');
    expect(evaluate(where, { Name: name })).toBe(expected);
  });

  it('parses back with a 2,400-character pattern with newlines and quotes', () => {
    const pattern = `${"a'\n%".repeat(600)}`;
    const { where } = roundTrip('like', pattern);
    expect(where?.kind).toBe('compare');
  });
});

describe('soqlString', () => {
  it('wraps the escaped text in single quotes', () => {
    expect(soqlString("it's")).toBe("'it\\'s'");
  });
});

describe('formatDecimal', () => {
  it.each([
    [0, '0'],
    [-12.5, '-12.5'],
    [1e21, '1000000000000000000000'],
    [1.5e-7, '0.00000015'],
    [-2.5e22, '-25000000000000000000000'],
    [1.25e-10, '0.000000000125'],
  ])('%p -> %s', (value, text) => {
    expect(formatDecimal(value)).toBe(text);
  });

  it('rejects non-finite numbers', () => {
    expect(() => formatDecimal(Number.NaN)).toThrow(SoqlInputError);
    expect(() => formatDecimal(Infinity)).toThrow(SoqlInputError);
  });
});

describe('dates', () => {
  it('formats valid dates and Date objects', () => {
    expect(formatSoqlDate('2024-02-29', 'x')).toBe('2024-02-29');
    expect(formatSoqlDate(new Date(Date.UTC(2024, 0, 5)), 'x')).toBe('2024-01-05');
  });

  it.each([
    '2024-02-30',
    '2023-02-29',
    '2024-13-01',
    '2024-1-01',
    '2024-01-01T00:00:00Z',
    '',
    20240101,
  ])('rejects date %p', (value) => {
    expect(() => formatSoqlDate(value, 'where.closeDate.eq', 'where')).toThrow(
      /Invalid Date .*where\.closeDate\.eq/,
    );
  });

  it('formats datetimes in UTC, without quotes, milliseconds only when present', () => {
    expect(formatSoqlDateTime('2024-01-31T10:00:00Z', 'x')).toBe('2024-01-31T10:00:00Z');
    expect(formatSoqlDateTime('2024-01-31T12:00:00+02:00', 'x')).toBe('2024-01-31T10:00:00Z');
    expect(formatSoqlDateTime('2024-01-31T10:00:00.000+0000', 'x')).toBe('2024-01-31T10:00:00Z');
    expect(formatSoqlDateTime('2024-01-31T10:00:00.25Z', 'x')).toBe('2024-01-31T10:00:00.250Z');
    expect(formatSoqlDateTime(new Date('2024-01-31T10:00:00Z'), 'x')).toBe('2024-01-31T10:00:00Z');
  });

  it.each([
    '2024-01-31T10:00:00',
    '2024-02-30T10:00:00Z',
    '2024-01-31T24:00:00Z',
    'yesterday',
    new Date(Number.NaN),
    5,
  ])('rejects datetime %p', (value) => {
    expect(() => formatSoqlDateTime(value, 'where.createdDate.gt')).toThrow(SoqlInputError);
  });
});
