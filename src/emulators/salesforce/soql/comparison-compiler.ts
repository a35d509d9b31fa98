import type { LiteralType } from '@jetstreamapp/soql-parser-js';
import type { FieldValue } from '../model/types';
import type { MsRange } from './date-literals';
import type { QueryScope } from './query-scope';
import { likePattern, parseLiteral, type Literal, type LiteralSite } from './soql-literals';
import { comparable, compareComparable, valueKind, type ValueKind } from './value-kinds';

export type Predicate<R> = (row: R) => boolean;

/** A comparison's value side as the parser gives it. */
export interface ComparisonInput {
  operator: string;
  value: string | string[];
  literalType?: LiteralType | LiteralType[];
  dateLiteralVariable?: number | number[];
}

export interface Operand<R> extends LiteralSite {
  read: (row: R) => FieldValue;
}

type Scalar = string | number | boolean;

const isRange = (lit: Literal): lit is MsRange => typeof lit === 'object' && lit !== null;

const at = <T>(value: T | T[] | undefined, i: number): T | undefined =>
  Array.isArray(value) ? value[i] : value;

/** Multipicklist values as a sorted, lowercase set key (`b;a` equals `A;B`). */
const multiKey = (value: string): string =>
  value
    .split(';')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '')
    .sort()
    .join(';');

/**
 * Compiles `field <op> value` into a predicate with Salesforce's semantics: text compares
 * case-insensitively, `!=`/NOT IN/EXCLUDES are true for null, other comparisons with a
 * null field are false, and `= null` / `!= null` test null-ness.
 */
export function compileComparison<R>(
  scope: QueryScope,
  operand: Operand<R>,
  input: ComparisonInput,
): Predicate<R> {
  const kind = valueKind(operand.field);
  const op = input.operator.toUpperCase();
  const raws = Array.isArray(input.value) ? input.value : [input.value];
  const literal = (i: number): Literal =>
    parseLiteral(
      scope,
      operand,
      raws[i] ?? '',
      at(input.literalType, i),
      at(input.dateLiteralVariable, i),
    );
  const read = (row: R) => comparable(kind, operand.read(row));

  if (op === 'INCLUDES' || op === 'EXCLUDES') {
    if (kind !== 'multi') {
      throw scope.errors.invalidOperator(
        'includes or excludes operator only valid on multipicklist field',
        operand.offset,
      );
    }
    const wanted = raws.map((_, i) => literal(i)).filter((l): l is string => typeof l === 'string');
    const sets = wanted.map((w) => multiKey(w).split(';'));
    const includes = (value: FieldValue): boolean => {
      if (typeof value !== 'string') return false;
      const have = new Set(multiKey(value).split(';'));
      return sets.some((parts) => parts.every((p) => have.has(p)));
    };
    return op === 'INCLUDES'
      ? (row) => includes(operand.read(row))
      : (row) => !includes(operand.read(row));
  }

  if (op === 'IN' || op === 'NOT IN') {
    const literals = raws.map((_, i) => literal(i));
    const hasNull = literals.includes(null);
    const ranges = literals.filter(isRange);
    const scalars = new Set(
      literals.filter((l): l is Scalar => l !== null && !isRange(l)).map((l) => normalize(kind, l)),
    );
    const member = (row: R): boolean => {
      const value = read(row);
      if (value === null) return hasNull;
      if (typeof value === 'number' && ranges.some((r) => value >= r.start && value < r.end))
        return true;
      return scalars.has(kind === 'multi' ? multiKey(String(operand.read(row))) : value);
    };
    return op === 'IN' ? member : (row) => !member(row);
  }

  if (op === 'LIKE') {
    const textual = kind === 'text' || kind === 'id' || kind === 'multi';
    // Only quoted text is a pattern; anything else gets the field's type error.
    if (!textual || at(input.literalType, 0) !== 'STRING') literal(0);
    if (!textual) throw scope.errors.malformed(`unexpected token: 'LIKE'`, operand.offset);
    const regex = likePattern(raws[0] ?? "''");
    return (row) => {
      const value = operand.read(row);
      return value !== null && regex.test(String(value));
    };
  }
  const lit = literal(0);
  if (lit === null) {
    if (op === '=') return (row) => operand.read(row) === null;
    if (op === '!=' || op === '<>') return (row) => operand.read(row) !== null;
    return () => false;
  }
  if (isRange(lit)) return rangePredicate(op, lit, read);
  const target = normalize(kind, lit);
  const current =
    kind === 'multi'
      ? (row: R) => {
          const value = operand.read(row);
          return value === null ? null : multiKey(String(value));
        }
      : read;
  switch (op) {
    case '=':
      return (row) => current(row) === target;
    case '!=':
    case '<>':
      return (row) => current(row) !== target;
    case '<':
      return ordered(current, target, (c) => c < 0);
    case '<=':
      return ordered(current, target, (c) => c <= 0);
    case '>':
      return ordered(current, target, (c) => c > 0);
    case '>=':
      return ordered(current, target, (c) => c >= 0);
    default:
      throw scope.errors.malformed(`unexpected token: '${input.operator}'`, operand.offset);
  }
}

function normalize(kind: ValueKind, lit: Scalar): Scalar {
  if (kind === 'multi' && typeof lit === 'string') return multiKey(lit);
  if (kind === 'text' && typeof lit === 'string') return lit.toLowerCase();
  return lit;
}

function ordered<R>(
  current: (row: R) => Scalar | null,
  target: Scalar,
  test: (c: number) => boolean,
): Predicate<R> {
  return (row) => {
    const value = current(row);
    return value !== null && test(compareComparable(value, target));
  };
}

/** Date literals are day/period ranges: `> THIS_MONTH` means after the month's end. */
function rangePredicate<R>(
  op: string,
  range: MsRange,
  read: (row: R) => Scalar | null,
): Predicate<R> {
  const { start, end } = range;
  const num = (row: R): number | null => {
    const value = read(row);
    return typeof value === 'number' && !Number.isNaN(value) ? value : null;
  };
  switch (op) {
    case '=':
      return (row) => {
        const v = num(row);
        return v !== null && v >= start && v < end;
      };
    case '!=':
    case '<>':
      return (row) => {
        const v = num(row);
        return v === null || v < start || v >= end;
      };
    case '<':
      return (row) => {
        const v = num(row);
        return v !== null && v < start;
      };
    case '<=':
      return (row) => {
        const v = num(row);
        return v !== null && v < end;
      };
    case '>':
      return (row) => {
        const v = num(row);
        return v !== null && v >= end;
      };
    default:
      return (row) => {
        const v = num(row);
        return v !== null && v >= start;
      };
  }
}
