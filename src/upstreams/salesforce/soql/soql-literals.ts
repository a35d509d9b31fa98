import { SoqlInputError } from './soql-input-error';

/*
 * SOQL quoted-string escapes: \n \r \t \b \f \" \' \\ and \uXXXX; in LIKE patterns also \% and \_.
 * https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_quotedstringescapes.htm
 */
const NAMED_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

function escapeChar(c: string): string {
  const named = NAMED_ESCAPES[c];
  if (named !== undefined) return named;
  const code = c.charCodeAt(0);
  // Control characters and the Unicode line separators (which soql-parser-js, and so the
  // emulator, reads as line ends) travel as \uXXXX, which SOQL decodes back to the same text.
  if (c.length === 1 && (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029)) {
    return `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return c;
}

/**
 * The one escaping function for user text placed in a SOQL string literal: returns the escaped
 * body, without the surrounding quotes. Iterates by code point so astral characters stay whole.
 */
export function escapeSoqlString(value: string): string {
  let out = '';
  for (const c of value) {
    const code = c.codePointAt(0) ?? 0;
    if (c.length === 1 && code >= 0xd800 && code <= 0xdfff) {
      // A lone surrogate cannot be URL-encoded on the way to Salesforce (encodeURIComponent throws).
      throw new SoqlInputError('Text values must not contain unpaired UTF-16 surrogates');
    }
    out += escapeChar(c);
  }
  return out;
}

/** A quoted SOQL string literal. */
export function soqlString(value: string): string {
  return `'${escapeSoqlString(value)}'`;
}

/**
 * A quoted LIKE pattern. Like Salesforce's GraphQL API `like`, the user's `%` and `_` are
 * wildcards; `\%`, `\_` and `\\` stand for a literal `%`, `_` and `\`. Any other backslash is a
 * literal backslash. Everything else is escaped through escapeSoqlString.
 */
export function soqlLikePattern(pattern: string): string {
  let out = '';
  const chars = Array.from(pattern);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === '%' || c === '_') {
      out += c;
    } else if (c === '\\' && i + 1 < chars.length && ['%', '_', '\\'].includes(chars[i + 1])) {
      const next = chars[++i];
      out += next === '\\' ? '\\\\' : `\\${next}`;
    } else {
      out += escapeSoqlString(c);
    }
  }
  return `'${out}'`;
}

/** A decimal literal without exponent notation, which SOQL does not accept (1e21 -> 1000000000000000000000). */
export function formatDecimal(value: number): string {
  if (!Number.isFinite(value)) throw new SoqlInputError(`Number ${value} is not finite`);
  const text = String(value);
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, intPart, fracPart = '', expText] = match;
  const digits = intPart + fracPart;
  const point = intPart.length + Number(expText);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function isCalendarDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(2000, month - 1, day));
  d.setUTCFullYear(year);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** A SOQL date literal (YYYY-MM-DD, unquoted) from a `YYYY-MM-DD` string or a UTC-midnight Date. */
export function formatSoqlDate(value: unknown, path: string, argument?: string): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime()))
      throw new SoqlInputError(`Invalid Date at ${path}`, argument);
    return `${pad(value.getUTCFullYear(), 4)}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  }
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!match || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    throw new SoqlInputError(
      `Invalid Date ${JSON.stringify(value)} at ${path}: expected a calendar date YYYY-MM-DD`,
      argument,
    );
  }
  return match[0];
}

const DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;

function dateTimeFromString(value: string): Date | undefined {
  const m = DATETIME.exec(value);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  if (!isCalendarDate(year, month, day) || hour > 23 || minute > 59 || second > 59)
    return undefined;
  const millis = Number((m[7] ?? '0').padEnd(3, '0').slice(0, 3));
  const offsetMinutes = m[8] ? 0 : (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11]));
  if (Number(m[10] ?? 0) > 23 || Number(m[11] ?? 0) > 59) return undefined;
  const utc = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, millis));
  utc.setUTCFullYear(year);
  return new Date(utc.getTime() - offsetMinutes * 60_000);
}

/**
 * A SOQL dateTime literal in UTC, unquoted: 2024-01-31T10:00:00Z. Milliseconds are kept only
 * when non-zero, so a keyset cursor on a millisecond timestamp still pages exactly.
 * Accepts Date objects, RFC 3339 strings and Salesforce's own `+0000` offsets.
 */
export function formatSoqlDateTime(value: unknown, path: string, argument?: string): string {
  const date =
    value instanceof Date
      ? value
      : typeof value === 'string'
        ? dateTimeFromString(value)
        : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    throw new SoqlInputError(
      `Invalid DateTime ${value instanceof Date ? 'Invalid Date' : JSON.stringify(value)} at ${path}: expected ISO-8601 with a time zone, e.g. 2024-01-31T10:00:00Z`,
      argument,
    );
  }
  const ms = date.getUTCMilliseconds();
  return (
    `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}` +
    `${ms ? `.${pad(ms, 3)}` : ''}Z`
  );
}
