import type { LiteralType, Operator } from '@jetstreamapp/soql-parser-js';
import {
  allOf,
  anyOf,
  compare,
  negate,
  type MaybeCondition,
  type SoqlCondition,
} from './condition-tree';
import { compileDateLiteral } from './date-literals';
import { normalizeId } from './salesforce-id';
import { SoqlInputError } from './soql-input-error';
import {
  formatDecimal,
  formatSoqlDate,
  formatSoqlDateTime,
  soqlLikePattern,
  soqlString,
} from './soql-literals';
import type { ObjectMapping, ScalarKind } from './soql.types';

/**
 * Operators accepted per kind: the contract's *Filter inputs, plus the ones SOQL supports on the
 * same field types (e.g. `ne` on DateTime), so a schema may grow without touching the compiler.
 */
const OPERATORS: Record<ScalarKind, ReadonlySet<string>> = {
  id: new Set(['eq', 'ne', 'in', 'nin', 'isNull']),
  string: new Set(['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'nin', 'like', 'isNull']),
  int: new Set(['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'nin', 'isNull']),
  float: new Set(['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'nin', 'isNull']),
  boolean: new Set(['eq', 'ne', 'isNull']),
  date: new Set(['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'nin', 'isNull', 'relative']),
  datetime: new Set(['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'nin', 'isNull', 'relative']),
  multipicklist: new Set(['includes', 'excludes', 'isNull']),
};

const COMPARISONS: Record<string, Operator> = {
  eq: '=',
  ne: '!=',
  lt: '<',
  lte: '<=',
  gt: '>',
  gte: '>=',
};

/** Deeper filters are almost certainly abuse; the GraphQL layer has no input-depth limit of its own. */
const MAX_FILTER_DEPTH = 32;

export interface SoqlLiteral {
  text: string;
  literalType: LiteralType;
}

/** A typed value as SOQL literal text; every string goes through soqlString. */
export function soqlLiteral(
  kind: ScalarKind,
  value: unknown,
  path: string,
  argument?: string,
): SoqlLiteral {
  const wrong = (expected: string): SoqlInputError =>
    new SoqlInputError(
      `Expected ${expected} at ${path}, got ${JSON.stringify(value) ?? String(value)}`,
      argument,
    );
  switch (kind) {
    case 'id':
      if (typeof value !== 'string') throw wrong('an Id string');
      return {
        text: soqlString(withPath(() => normalizeId(value, argument), path, argument)),
        literalType: 'STRING',
      };
    case 'string':
    case 'multipicklist':
      if (typeof value !== 'string') throw wrong('a string');
      return { text: withPath(() => soqlString(value), path, argument), literalType: 'STRING' };
    case 'int':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw wrong('an integer');
      return { text: String(value), literalType: 'INTEGER' };
    case 'float':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw wrong('a finite number');
      return { text: formatDecimal(value), literalType: 'DECIMAL' };
    case 'boolean':
      if (typeof value !== 'boolean') throw wrong('a boolean');
      return { text: value ? 'true' : 'false', literalType: 'BOOLEAN' };
    case 'date':
      return { text: formatSoqlDate(value, path, argument), literalType: 'DATE' };
    case 'datetime':
      return { text: formatSoqlDateTime(value, path, argument), literalType: 'DATETIME' };
  }
}

function withPath(fn: () => string, path: string, argument?: string): string {
  try {
    return fn();
  } catch (err) {
    if (err instanceof SoqlInputError)
      throw new SoqlInputError(`${err.message} (at ${path})`, argument);
    throw err;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
  );
}

/**
 * An operator given an explicit null. Only equality has a meaning for it, the one SOQL gives
 * `= null` / `!= null`; anywhere else a null used to be dropped silently (a filter that
 * constrained nothing), so it is refused instead of guessed at.
 */
function nullOperand(soqlField: string, op: string, at: string, argument: string): SoqlCondition {
  if (op === 'eq') return compare(soqlField, '=', 'null', 'NULL');
  if (op === 'ne') return compare(soqlField, '!=', 'null', 'NULL');
  const hint =
    op === 'in' || op === 'nin'
      ? 'give a list of values, or use eq: null / isNull to match empty fields'
      : op === 'isNull'
        ? 'give true or false'
        : 'give a value or leave the operator out';
  throw new SoqlInputError(`${at} is null; ${hint}`, argument);
}

function compileFieldFilter(
  field: { soql: string; kind: ScalarKind },
  input: unknown,
  path: string,
  argument: string,
): MaybeCondition {
  if (!isPlainObject(input))
    throw new SoqlInputError(`${path} must be an object of operators`, argument);
  const parts: MaybeCondition[] = [];
  for (const [op, value] of Object.entries(input)) {
    if (value === undefined) continue;
    const at = `${path}.${op}`;
    if (!OPERATORS[field.kind].has(op)) {
      throw new SoqlInputError(
        `Operator ${op} is not supported on ${field.kind} field ${path}`,
        argument,
      );
    }
    const comparison = COMPARISONS[op];
    if (value === null) {
      parts.push(nullOperand(field.soql, op, at, argument));
    } else if (comparison) {
      const literal = soqlLiteral(field.kind, value, at, argument);
      parts.push(compare(field.soql, comparison, literal.text, literal.literalType));
    } else if (op === 'includes' || op === 'excludes') {
      // INCLUDES ('a', 'b') matches a row holding a or b; EXCLUDES ('a') rows holding neither.
      if (!Array.isArray(value) || value.length === 0)
        throw new SoqlInputError(`${at} must be a non-empty list`, argument);
      const literals = value.map((v: unknown, i) => {
        if (typeof v === 'string' && v.includes(';')) {
          throw new SoqlInputError(`${at}[${i}] must be one value (no ';')`, argument);
        }
        return soqlLiteral('multipicklist', v, `${at}[${i}]`, argument).text;
      });
      parts.push(
        compare(field.soql, op === 'includes' ? 'INCLUDES' : 'EXCLUDES', literals, 'STRING'),
      );
    } else if (op === 'in' || op === 'nin') {
      if (!Array.isArray(value)) throw new SoqlInputError(`${at} must be a list`, argument);
      if (value.length === 0) {
        // `in: []` can match nothing, which is never what a caller means; `nin: []` excludes nothing.
        if (op === 'in') throw new SoqlInputError(`${at} must not be empty`, argument);
        continue;
      }
      const literals = value.map((v: unknown, i) => {
        if (v === null || v === undefined) {
          throw new SoqlInputError(
            `${at}[${i}] is null; lists take values only, match empty fields with eq: null or isNull`,
            argument,
          );
        }
        return soqlLiteral(field.kind, v, `${at}[${i}]`, argument);
      });
      parts.push(
        compare(
          field.soql,
          op === 'in' ? 'IN' : 'NOT IN',
          literals.map((l) => l.text),
          literals[0].literalType,
        ),
      );
    } else if (op === 'like') {
      if (typeof value !== 'string') throw new SoqlInputError(`${at} must be a string`, argument);
      parts.push(
        compare(
          field.soql,
          'LIKE',
          withPath(() => soqlLikePattern(value), at, argument),
          'STRING',
        ),
      );
    } else if (op === 'isNull') {
      if (typeof value !== 'boolean') throw new SoqlInputError(`${at} must be a boolean`, argument);
      parts.push(compare(field.soql, value ? '=' : '!=', 'null', 'NULL'));
    } else {
      const literal = compileDateLiteral(value, at, argument);
      parts.push(compare(field.soql, '=', literal.text, literal.literalType));
    }
  }
  return allOf(parts);
}

function compileNode(
  mapping: ObjectMapping,
  input: unknown,
  path: string,
  argument: string,
  depth: number,
): MaybeCondition {
  if (input === undefined || input === null) return undefined;
  if (!isPlainObject(input)) throw new SoqlInputError(`${path} must be an object`, argument);
  if (depth > MAX_FILTER_DEPTH)
    throw new SoqlInputError(
      `${path} is nested more than ${MAX_FILTER_DEPTH} levels deep`,
      argument,
    );
  const parts: MaybeCondition[] = [];
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    const at = `${path}.${key}`;
    if (value === null) {
      // `field: null`, `and: null`...: nothing says what the caller meant, so no guess.
      throw new SoqlInputError(`${at} is null; give a filter or leave ${key} out`, argument);
    }
    if (key === 'and' || key === 'or') {
      if (!Array.isArray(value)) throw new SoqlInputError(`${at} must be a list`, argument);
      const items = value.map((item: unknown, i) => {
        if (item === null || item === undefined)
          throw new SoqlInputError(`${at}[${i}] is null; give a filter`, argument);
        return compileNode(mapping, item, `${at}[${i}]`, argument, depth + 1);
      });
      if (key === 'and') {
        parts.push(allOf(items));
      } else {
        if (items.length === 0) throw new SoqlInputError(`${at} must not be empty`, argument);
        parts.push(anyOf(items));
      }
    } else if (key === 'not') {
      const inner = compileNode(mapping, value, at, argument, depth + 1);
      if (!inner) throw new SoqlInputError(`${at} must contain at least one condition`, argument);
      parts.push(negate(inner));
    } else {
      const field = mapping.filters[key];
      if (!field) {
        const known = Object.keys(mapping.filters).join(', ');
        throw new SoqlInputError(
          `Unknown filter field ${at} for ${mapping.sobject}; expected one of ${known}, and, or, not`,
          argument,
        );
      }
      parts.push(compileFieldFilter(field, value, at, argument));
    }
  }
  return allOf(parts);
}

/**
 * A contract *Filter input as a condition tree: keys of one object are ANDed, `and`/`or`/`not`
 * nest, `eq: null` / `ne: null` test for empty fields and every other null is refused.
 * Undefined when the filter constrains nothing; a null or absent filter constrains nothing.
 */
export function compileFilter(
  mapping: ObjectMapping,
  input: unknown,
  argument = 'where',
): MaybeCondition {
  return compileNode(mapping, input, argument, argument, 0);
}
