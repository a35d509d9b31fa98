import { allOf, anyOf, compare, type MaybeCondition, type SoqlCondition } from './condition-tree';
import { soqlLiteral } from './filter-compiler';
import { soqlFieldKind } from './object-mappings';
import { SoqlInputError } from './soql-input-error';
import type { ScalarKind, SObjectName, SortKey } from './soql.types';

function kindOf(object: SObjectName, field: string, value: unknown): ScalarKind {
  const known = soqlFieldKind(object, field);
  if (known) return known;
  if (typeof value === 'number') return 'float';
  if (typeof value === 'boolean') return 'boolean';
  return 'string';
}

/** Rows whose key ties with the cursor row's value. SOQL `= null` matches nulls, `= v` never does. */
function same(
  field: string,
  literal: { text: string; literalType: 'NULL' } | ReturnType<typeof soqlLiteral>,
): SoqlCondition {
  return compare(field, '=', literal.text, literal.literalType);
}

/**
 * Rows strictly after the cursor row on this key alone, or undefined when none can be. SOQL's
 * `<`/`>` are false on null, so nulls are added or excluded explicitly by the NULLS position.
 */
function after(key: SortKey, literal: ReturnType<typeof soqlLiteral> | null): SoqlCondition | null {
  if (literal === null) {
    // Cursor value is null: only NULLS FIRST has anything after the null block (every non-null).
    return key.nulls === 'FIRST' ? compare(key.field, '!=', 'null', 'NULL') : null;
  }
  const beyond = compare(
    key.field,
    key.direction === 'ASC' ? '>' : '<',
    literal.text,
    literal.literalType,
  );
  return key.nulls === 'LAST'
    ? { kind: 'or', items: [beyond, compare(key.field, '=', 'null', 'NULL')] }
    : beyond;
}

/**
 * The keyset predicate for "rows after the cursor": the lexicographic expansion
 * `(k1 after v1) OR (k1 = v1 AND k2 after v2) OR ... OR (k1 = v1 AND ... AND Id > id)`.
 */
export function keysetPredicate(
  object: SObjectName,
  sortKeys: SortKey[],
  values: unknown[],
): SoqlCondition {
  if (values.length !== sortKeys.length)
    throw new SoqlInputError('Invalid cursor in after', 'after');
  const literals = sortKeys.map((key, i) => {
    const value = values[i];
    if (value === null) return null;
    const kind = kindOf(object, key.field, value);
    if (kind === 'boolean')
      throw new Error(`keysetPredicate: boolean sort key ${key.field} is not supported`);
    try {
      return soqlLiteral(kind, value, `after.${key.field}`, 'after');
    } catch (err) {
      if (err instanceof SoqlInputError)
        throw new SoqlInputError(`Invalid cursor in after: ${err.message}`, 'after');
      throw err;
    }
  });
  const terms: MaybeCondition[] = [];
  const ties: SoqlCondition[] = [];
  sortKeys.forEach((key, i) => {
    const literal = literals[i];
    const step = after(key, literal);
    if (step) terms.push(allOf([...ties, step]));
    ties.push(same(key.field, literal ?? { text: 'null', literalType: 'NULL' }));
  });
  if (terms.length === 0)
    throw new SoqlInputError('Invalid cursor in after: no row can follow it', 'after');
  const predicate = anyOf(terms);
  if (!predicate) throw new Error('keysetPredicate: unexpected empty predicate');
  return predicate;
}
