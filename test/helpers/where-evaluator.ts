import {
  isNegationCondition,
  isValueCondition,
  parseQuery,
  type Query,
  type ValueCondition,
  type WhereClause,
} from '@jetstreamapp/soql-parser-js';

/*
 * Test support: reads a composed SOQL statement back with soql-parser-js (the parser the emulator
 * uses), rebuilds the WHERE tree from its flat paren-counted list, and evaluates it in JS with
 * SOQL's null semantics, so tests check what the query means, not how it is spelled.
 */

export type ParsedCondition =
  | { kind: 'compare'; condition: ValueCondition }
  | { kind: 'and' | 'or'; items: ParsedCondition[] }
  | { kind: 'not'; item: ParsedCondition };

type Token = '(' | ')' | 'NOT' | 'AND' | 'OR' | ValueCondition;

function tokens(where: WhereClause): Token[] {
  const out: Token[] = [];
  let node: WhereClause | undefined = where;
  while (node) {
    const left = node.left;
    if (left && isNegationCondition(left)) {
      for (let i = 0; i < left.openParen; i++) out.push('(');
    } else if (left) {
      if (!isValueCondition(left))
        throw new Error('where-evaluator: only value conditions are supported');
      for (let i = 0; i < (left.openParen ?? 0); i++) out.push('(');
      out.push(left);
      for (let i = 0; i < (left.closeParen ?? 0); i++) out.push(')');
    }
    const operator = 'operator' in node ? node.operator : undefined;
    if (operator) out.push(operator);
    node = 'right' in node ? node.right : undefined;
  }
  return out;
}

/** Recursive descent that, like Salesforce, refuses AND and OR mixed without parentheses. */
function parseTokens(list: Token[]): ParsedCondition {
  let i = 0;
  const primary = (): ParsedCondition => {
    const t = list[i++];
    if (t === 'NOT') {
      if (list[i] !== '(') throw new Error('NOT must be followed by (');
      return { kind: 'not', item: primary() };
    }
    if (t === '(') {
      const inner = expression();
      if (list[i++] !== ')') throw new Error('missing )');
      return inner;
    }
    if (typeof t === 'object') return { kind: 'compare', condition: t };
    throw new Error(`unexpected token ${String(t)}`);
  };
  const expression = (): ParsedCondition => {
    const items = [primary()];
    let op: 'AND' | 'OR' | undefined;
    while (list[i] === 'AND' || list[i] === 'OR') {
      const next = list[i++] as 'AND' | 'OR';
      if (op && op !== next) throw new Error('AND and OR mixed without parentheses');
      op = next;
      items.push(primary());
    }
    return op ? { kind: op === 'AND' ? 'and' : 'or', items } : items[0];
  };
  const result = expression();
  if (i !== list.length) throw new Error('trailing tokens');
  return result;
}

export function parseWhere(soql: string): { query: Query; where: ParsedCondition | undefined } {
  const query = parseQuery(soql);
  return { query, where: query.where ? parseTokens(tokens(query.where)) : undefined };
}

const UNESCAPES: Record<string, string> = {
  n: '\n',
  N: '\n',
  r: '\r',
  R: '\r',
  t: '\t',
  T: '\t',
  b: '\b',
  B: '\b',
  f: '\f',
  F: '\f',
};

/** The text a quoted SOQL string literal stands for; LIKE escapes (\% \_) are kept as written. */
export function unquoteSoqlString(literal: string): string {
  if (!literal.startsWith("'") || !literal.endsWith("'"))
    throw new Error(`not a string literal: ${literal}`);
  const body = literal.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      if (c === "'") throw new Error('unescaped quote inside literal');
      out += c;
      continue;
    }
    const next = body[++i];
    if (next === 'u') {
      out += String.fromCharCode(parseInt(body.slice(i + 1, i + 5), 16));
      i += 4;
    } else if (next === '%' || next === '_') {
      out += `\\${next}`;
    } else {
      out += UNESCAPES[next] ?? next;
    }
  }
  return out;
}

export type Row = Record<string, unknown>;
type Scalar = string | number | boolean | null;

function literalValue(text: string, literalType: string | undefined): Scalar {
  switch (literalType) {
    case 'NULL':
      return null;
    case 'STRING':
      return unquoteSoqlString(text);
    case 'INTEGER':
    case 'DECIMAL':
      return Number(text);
    case 'BOOLEAN':
      return text.toLowerCase() === 'true';
    case 'DATETIME':
      return Date.parse(text);
    default:
      return text;
  }
}

function rowValue(row: Row, field: string, literalType: string | undefined): Scalar {
  const value = field
    .split('.')
    .reduce<unknown>(
      (acc, key) => (acc && typeof acc === 'object' ? (acc as Row)[key] : null),
      row,
    );
  if (value === undefined || value === null) return null;
  if (literalType === 'DATETIME' && typeof value === 'string') return Date.parse(value);
  return value as Scalar;
}

/** SOQL ordering of two non-null values; strings compare by code unit here, consistently everywhere. */
export function compareValues(a: Scalar, b: Scalar): number {
  if (a === b) return 0;
  return (a as string | number) < (b as string | number) ? -1 : 1;
}

function likeMatches(value: string, pattern: string): boolean {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && (pattern[i + 1] === '%' || pattern[i + 1] === '_')) re += `\\${pattern[++i]}`;
    else if (c === '%') re += '.*';
    else if (c === '_') re += '.';
    else re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'is').test(value);
}

function evalCompare(c: ValueCondition, row: Row): boolean {
  const types = Array.isArray(c.literalType) ? c.literalType : [c.literalType];
  const actual = rowValue(row, c.field, types[0]);
  if (c.operator === 'IN' || c.operator === 'NOT IN') {
    const values = (Array.isArray(c.value) ? c.value : [c.value]).map((v, i) =>
      literalValue(v, types[i] ?? types[0]),
    );
    const found = actual !== null && values.some((v) => compareValues(actual, v) === 0);
    return c.operator === 'IN' ? found : !found;
  }
  const expected = literalValue(String(c.value), types[0]);
  if (c.operator === '=')
    return expected === null
      ? actual === null
      : actual !== null && compareValues(actual, expected) === 0;
  if (c.operator === '!=')
    return expected === null
      ? actual !== null
      : actual === null || compareValues(actual, expected) !== 0;
  if (actual === null || expected === null) return false;
  const order = compareValues(actual, expected);
  switch (c.operator) {
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
    case 'LIKE':
      return likeMatches(String(actual), String(expected));
    default:
      throw new Error(`where-evaluator: operator ${c.operator} not supported`);
  }
}

export function evaluate(condition: ParsedCondition | undefined, row: Row): boolean {
  if (!condition) return true;
  switch (condition.kind) {
    case 'compare':
      return evalCompare(condition.condition, row);
    case 'and':
      return condition.items.every((c) => evaluate(c, row));
    case 'or':
      return condition.items.some((c) => evaluate(c, row));
    case 'not':
      return !evaluate(condition.item, row);
  }
}

/** Number of leaf comparisons in a parsed condition. */
export function countComparisons(condition: ParsedCondition | undefined): number {
  if (!condition) return 0;
  if (condition.kind === 'compare') return 1;
  if (condition.kind === 'not') return countComparisons(condition.item);
  return condition.items.reduce((n, c) => n + countComparisons(c), 0);
}
