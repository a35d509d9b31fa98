import type { Query, WhereClause } from '@jetstreamapp/soql-parser-js';
import type { ObjectDef, SObjectRecord } from '../model/types';
import { compileComparison, type Predicate } from './comparison-compiler';
import { pathReader, resolvePath, type ResolvedPath } from './field-path';
import { visibleRows, type QueryScope } from './query-scope';
import { isDateFunction } from './date-functions';
import { resolveDateFunction } from './date-function-path';
import { clauseStart, findToken } from './soql-lexer';
import { valueKind } from './value-kinds';
import { buildBoolTree, type BoolTree, type LeafCondition } from './where-tree';

/** Evaluates a compiled boolean tree. */
export function evaluateTree<R>(tree: BoolTree<Predicate<R>>): Predicate<R> {
  switch (tree.kind) {
    case 'leaf':
      return tree.condition;
    case 'not': {
      const inner = evaluateTree(tree.item);
      return (row) => !inner(row);
    }
    case 'and': {
      const items = tree.items.map((t) => evaluateTree(t));
      return (row) => items.every((p) => p(row));
    }
    case 'or': {
      const items = tree.items.map((t) => evaluateTree(t));
      return (row) => items.some((p) => p(row));
    }
  }
}

export function mapTree<A, B>(tree: BoolTree<A>, fn: (leaf: A) => B): BoolTree<B> {
  switch (tree.kind) {
    case 'leaf':
      return { kind: 'leaf', condition: fn(tree.condition) };
    case 'not':
      return { kind: 'not', item: mapTree(tree.item, fn) };
    default:
      return { kind: tree.kind, items: tree.items.map((t) => mapTree(t, fn)) };
  }
}

/** The WHERE of a statement over `root` as one row predicate; undefined when absent. */
export function compileWhere(
  scope: QueryScope,
  root: ObjectDef,
  where: WhereClause | undefined,
  alias?: string,
): Predicate<SObjectRecord> | undefined {
  if (!where) return undefined;
  const tree = buildBoolTree<LeafCondition>(where, scope.errors, 'WHERE');
  const from = Math.max(0, clauseStart(scope.errors.tokens, 'WHERE'));
  return evaluateTree(mapTree(tree, (leaf) => compileLeaf(scope, root, leaf, from, alias)));
}

function compileLeaf(
  scope: QueryScope,
  root: ObjectDef,
  leaf: LeafCondition,
  from: number,
  alias: string | undefined,
): Predicate<SObjectRecord> {
  if ('fn' in leaf && isDateFunction(leaf.fn.functionName ?? '') && !('valueQuery' in leaf)) {
    // `WHERE CALENDAR_YEAR(CreatedDate) = 2024`: an integer (DAY_ONLY: a date) per row; a
    // date literal such as THIS_YEAR is refused by the comparison as for any int field.
    const offset = findToken(scope.errors.tokens, leaf.fn.functionName ?? '', from);
    const fn = resolveDateFunction(scope, root, leaf.fn, offset, alias);
    return compileComparison(
      scope,
      { label: fn.field.name, field: fn.field, offset, read: fn.read },
      leaf,
    );
  }
  if (!('field' in leaf)) {
    const raw = 'fn' in leaf ? (leaf.fn.rawValue ?? leaf.fn.functionName ?? '') : 'NOT';
    throw scope.errors.malformed(
      `unexpected token: '${raw}'`,
      findToken(scope.errors.tokens, raw, from),
    );
  }
  const offset = findToken(scope.errors.tokens, leaf.field, from);
  const path = resolvePath(scope, root, leaf.field, offset, alias);
  if (!path.field.filterable) {
    throw scope.errors.invalidField(
      `field '${path.field.name}' can not be filtered in a query call`,
      offset,
    );
  }
  const read = pathReader(scope, path);
  if ('valueQuery' in leaf)
    return semiJoin(scope, path, leaf.operator, leaf.valueQuery, read, offset);
  return compileComparison(
    scope,
    { label: path.field.name, field: path.field, offset, read },
    leaf,
  );
}

/**
 * `Id IN (SELECT AccountId FROM Contact WHERE ...)`: the subquery runs once, lazily, as the
 * same user; both sides must be Ids or references.
 */
function semiJoin(
  scope: QueryScope,
  path: ResolvedPath,
  operator: string,
  subquery: Query,
  read: (row: SObjectRecord) => unknown,
  offset: number,
): Predicate<SObjectRecord> {
  const op = operator.toUpperCase();
  if (op !== 'IN' && op !== 'NOT IN')
    throw scope.errors.malformed(`unexpected token: 'SELECT'`, offset);
  const objectName = subquery.sObject ?? '';
  const subObject = scope.data.describe(objectName);
  const subOffset = findToken(scope.errors.tokens, objectName, offset);
  if (!subObject) throw scope.errors.unsupportedObject(objectName, subOffset);
  const selected = subquery.fields ?? [];
  const first = selected[0];
  const fieldName =
    first && (first.type === 'Field' || first.type === 'FieldRelationship')
      ? first.type === 'FieldRelationship'
        ? (first.rawValue ?? [...first.relationships, first.field].join('.'))
        : first.field
      : '';
  if (selected.length !== 1 || fieldName === '') {
    throw scope.errors.malformed('semi join sub-selects can only select one field', subOffset);
  }
  const subPath = resolvePath(
    scope,
    subObject,
    fieldName,
    findToken(scope.errors.tokens, fieldName, offset),
  );
  if (valueKind(path.field) !== 'id' || valueKind(subPath.field) !== 'id') {
    throw scope.errors.invalidField(
      `The selected field '${subPath.field.name}' in the subquery and the left operand field in the where expression in the outer query '${path.field.name}' should point to the same object type`,
      offset,
    );
  }
  const subWhere = compileWhere(scope, subObject, subquery.where, subquery.sObjectAlias);
  const subRead = pathReader(scope, subPath);
  let ids: Set<unknown> | undefined;
  const member = (row: SObjectRecord): boolean => {
    if (!ids) {
      ids = new Set();
      for (const subRow of visibleRows(scope, subObject)) {
        if (subWhere && !subWhere(subRow)) continue;
        const value = subRead(subRow);
        if (value !== null) ids.add(value);
      }
    }
    const value = read(row);
    return value !== null && ids.has(value);
  };
  return op === 'IN' ? member : (row) => !member(row);
}
