import type { LiteralType } from '@jetstreamapp/soql-parser-js';
import { ID_PATTERN, to18 } from '../model/ids';
import type { FieldDef } from '../model/types';
import {
  dateLiteralRange,
  dateNLiteralRange,
  parseDateTimeValue,
  parseDateValue,
  type MsRange,
} from './date-literals';
import type { QueryScope } from './query-scope';
import { soapTypeName, valueKind } from './value-kinds';

export type Literal = null | string | number | boolean | MsRange;

const DAY_MS = 86_400_000;

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' };

/** The text inside a quoted SOQL string, with `\'`, `\\`, `\n`, `\uXXXX`... resolved. */
export function unquote(raw: string): string {
  return raw.slice(1, -1).replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_m, c: string) => {
    if (c.length === 5) return String.fromCharCode(parseInt(c.slice(1), 16));
    return ESCAPES[c] ?? c;
  });
}

/**
 * A LIKE pattern as a regex: `%` any run, `_` one character, `\%` `\_` literal, other
 * escapes as in strings. Case-insensitive, as Salesforce's LIKE is.
 */
export function likePattern(raw: string): RegExp {
  const body = raw.slice(1, -1);
  let source = '';
  for (let i = 0; i < body.length; i++) {
    const c = body.charAt(i);
    if (c === '\\' && i + 1 < body.length) {
      const next = body.charAt(++i);
      source += escapeRegex(ESCAPES[next] ?? next);
    } else if (c === '%') source += '.*';
    else if (c === '_') source += '.';
    else source += escapeRegex(c);
  }
  return new RegExp(`^${source}$`, 'is');
}

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

export interface LiteralSite {
  /** Field name for messages (`Amount`, or the alias-free path's leaf). */
  label: string;
  field: FieldDef;
  offset: number;
}

/**
 * A filter value converted for `site`'s field type, or Salesforce's type error: text and
 * ids must be quoted, everything else must not be; date fields take dates and date
 * literals, datetime fields datetimes and date literals (ranges in epoch ms).
 */
export function parseLiteral(
  scope: QueryScope,
  site: LiteralSite,
  raw: string,
  literalType: LiteralType | undefined,
  n: number | undefined,
): Literal {
  if (literalType === 'NULL') return null;
  const kind = valueKind(site.field);
  const mismatch = () => {
    const quoted = kind === 'text' || kind === 'id' || kind === 'multi';
    return scope.errors.invalidField(
      `value of filter criterion for field '${site.label}' must be of type ${soapTypeName(site.field)} and should ${quoted ? '' : 'not '}be enclosed in quotes`,
      site.offset,
    );
  };
  switch (kind) {
    case 'text':
    case 'multi':
      if (literalType !== 'STRING') throw mismatch();
      return unquote(raw);
    case 'id': {
      if (literalType !== 'STRING') throw mismatch();
      const text = unquote(raw);
      // An empty string is a valid "no id" comparison value in SOQL.
      if (text === '') return '';
      const id = ID_PATTERN.test(text) ? to18(text) : undefined;
      if (!id) throw scope.errors.invalidOperator(`invalid ID field: ${text}`, site.offset);
      return id;
    }
    case 'number': {
      if (
        literalType !== 'INTEGER' &&
        literalType !== 'DECIMAL' &&
        literalType !== 'INTEGER_WITH_CURRENCY_PREFIX' &&
        literalType !== 'DECIMAL_WITH_CURRENCY_PREFIX'
      ) {
        throw mismatch();
      }
      return Number(raw.replace(/^[A-Za-z]{3}/, ''));
    }
    case 'boolean':
      if (literalType !== 'BOOLEAN') throw mismatch();
      return raw.toUpperCase() === 'TRUE';
    case 'date':
    case 'datetime': {
      if (literalType === 'DATE_LITERAL' || literalType === 'DATE_N_LITERAL') {
        const name = raw.split(':')[0] ?? raw;
        const range =
          literalType === 'DATE_LITERAL'
            ? dateLiteralRange(name, scope.ctx.now)
            : dateNLiteralRange(name, n ?? Number(raw.split(':')[1]), scope.ctx.now);
        if (!range) throw mismatch();
        return range;
      }
      if (kind === 'date' && literalType === 'DATE') {
        const ms = parseDateValue(raw);
        if (Number.isNaN(ms)) throw mismatch();
        return { start: ms, end: ms + DAY_MS };
      }
      if (kind === 'datetime' && literalType === 'DATETIME') {
        const ms = parseDateTimeValue(raw);
        if (Number.isNaN(ms)) throw mismatch();
        return { start: ms, end: ms + 1 };
      }
      throw mismatch();
    }
    default:
      throw mismatch();
  }
}
