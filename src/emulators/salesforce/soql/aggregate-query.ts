import type {
  Condition,
  FieldFunctionExpression,
  FunctionExp,
  GroupByClause,
  OrderByClause,
  Query,
} from '@jetstreamapp/soql-parser-js';
import type {
  FieldDef,
  FieldType,
  FieldValue,
  JsonRecord,
  ObjectDef,
  QueryResult,
  SObjectRecord,
} from '../model/types';
import { compileComparison, type Predicate } from './comparison-compiler';
import { pathReader, resolvePath, type ResolvedPath } from './field-path';
import { sortKey, sortRows } from './order-compiler';
import { visibleRows, type QueryScope } from './query-scope';
import { checkedWindow } from './record-query';
import { clauseStart, findToken } from './soql-lexer';
import { comparable, compareComparable, formatOutput, valueKind } from './value-kinds';
import { compileWhere, evaluateTree, mapTree } from './where-compiler';
import { buildBoolTree } from './where-tree';

const AGGREGATES = new Set(['COUNT', 'COUNT_DISTINCT', 'SUM', 'AVG', 'MIN', 'MAX']);
const NUMERIC: FieldType[] = ['int', 'double', 'currency', 'percent'];

/** True when the statement has GROUP BY or an aggregate function in its SELECT list. */
export function isAggregateQuery(query: Query): boolean {
  if (query.groupBy) return true;
  return (query.fields ?? []).some(
    (f) => f.type === 'FieldFunctionExpression' && AGGREGATES.has(f.functionName.toUpperCase()),
  );
}

/** `SELECT COUNT() FROM ...`: the parser reports it as COUNT with no parameters. */
export function isCountQuery(query: Query): boolean {
  return (query.fields ?? []).some(
    (f) =>
      f.type === 'FieldFunctionExpression' &&
      f.functionName.toUpperCase() === 'COUNT' &&
      f.parameters.length === 0,
  );
}

interface Group {
  keys: FieldValue[];
  rows: SObjectRecord[];
  aggregates: FieldValue[];
}

interface AggregateSpec {
  fn: string;
  path: ResolvedPath;
  /** Raw text, to match the same function in HAVING/ORDER BY. */
  signature: string;
}

function syntheticField(name: string, type: FieldType): FieldDef {
  return {
    name,
    label: name,
    type,
    nillable: true,
    filterable: true,
    sortable: true,
    groupable: false,
    aggregatable: false,
    createable: false,
    updateable: false,
    calculated: true,
    defaultedOnCreate: false,
    custom: false,
    externalId: false,
    unique: false,
    length: 0,
    precision: 18,
    scale: 0,
    relationshipName: null,
    referenceTo: [],
    picklistValues: [],
    compoundFieldName: null,
    extraTypeInfo: null,
    hiddenFromProfiles: [],
  };
}

/** The field type an aggregate's value has, for HAVING literals and output formatting. */
function resultField(spec: AggregateSpec): FieldDef {
  switch (spec.fn) {
    case 'COUNT':
    case 'COUNT_DISTINCT':
      return syntheticField(spec.signature, 'int');
    case 'SUM':
    case 'AVG':
      return syntheticField(spec.signature, 'double');
    default:
      return spec.path.field;
  }
}

function compute(scope: QueryScope, spec: AggregateSpec, rows: SObjectRecord[]): FieldValue {
  const read = pathReader(scope, spec.path);
  const values = rows.map(read).filter((v): v is Exclude<FieldValue, null> => v !== null);
  switch (spec.fn) {
    case 'COUNT':
      return values.length;
    case 'COUNT_DISTINCT': {
      const kind = valueKind(spec.path.field);
      return new Set(values.map((v) => comparable(kind, v))).size;
    }
    case 'SUM':
      return values.length ? values.reduce<number>((sum, v) => sum + Number(v), 0) : null;
    case 'AVG':
      return values.length
        ? values.reduce<number>((sum, v) => sum + Number(v), 0) / values.length
        : null;
    default: {
      const kind = valueKind(spec.path.field);
      let best: Exclude<FieldValue, null> | null = null;
      let bestKey: string | number | boolean | null = null;
      for (const v of values) {
        const key = comparable(kind, v);
        if (key === null) continue;
        const c = bestKey === null ? 0 : compareComparable(key, bestKey);
        if (bestKey === null || (spec.fn === 'MIN' ? c < 0 : c > 0)) {
          best = v;
          bestKey = key;
        }
      }
      return best;
    }
  }
}

/** GROUP BY / aggregate functions / HAVING over one object. */
export function runAggregateQuery(
  scope: QueryScope,
  objectDef: ObjectDef,
  query: Query,
): QueryResult {
  const { errors } = scope;
  const tokens = errors.tokens;
  const alias = query.sObjectAlias;
  const groupFrom = Math.max(0, clauseStart(tokens, 'GROUP'));
  const groupClauses: GroupByClause[] =
    query.groupBy === undefined
      ? []
      : Array.isArray(query.groupBy)
        ? query.groupBy
        : [query.groupBy];
  const groupPaths = groupClauses.map((clause) => {
    if (!('field' in clause)) {
      const raw = clause.fn.rawValue ?? clause.fn.functionName ?? '';
      throw errors.malformed(`unexpected token: '${raw}'`, findToken(tokens, raw, groupFrom));
    }
    const offset = findToken(tokens, clause.field, groupFrom);
    const path = resolvePath(scope, objectDef, clause.field, offset, alias);
    if (!path.field.groupable)
      throw errors.invalidField(
        `field '${path.field.name}' can not be grouped in a query call`,
        offset,
      );
    return path;
  });
  const groupIndex = (path: ResolvedPath): number =>
    groupPaths.findIndex((g) => g.text.toLowerCase() === path.text.toLowerCase());

  const specs: AggregateSpec[] = [];
  const specIndex = (fn: FunctionExp, offset: number): number => {
    const name = (fn.functionName ?? '').toUpperCase();
    const param = fn.parameters?.[0];
    if (!AGGREGATES.has(name) || typeof param !== 'string') {
      throw errors.malformed(`unexpected token: '${fn.rawValue ?? name}'`, offset);
    }
    const path = resolvePath(scope, objectDef, param, offset, alias);
    const signature = `${name}(${path.text})`.toLowerCase();
    const existing = specs.findIndex((s) => s.signature === signature);
    if (existing >= 0) return existing;
    const field = path.field;
    const supported =
      name === 'COUNT' || name === 'COUNT_DISTINCT'
        ? field.type !== 'address' && (field.filterable || field.type === 'id')
        : name === 'SUM' || name === 'AVG'
          ? NUMERIC.includes(field.type)
          : field.aggregatable && field.type !== 'boolean' && field.type !== 'multipicklist';
    if (!supported)
      throw errors.invalidField(
        `field ${field.name} does not support aggregate operator ${name}`,
        offset,
      );
    specs.push({ fn: name, path, signature });
    return specs.length - 1;
  };

  // Output columns in select order: grouped fields by name/alias, aggregates by alias or exprN.
  const columns: Array<{ key: string; read: (g: Group) => FieldValue }> = [];
  let expr = 0;
  for (const item of query.fields ?? []) {
    if (item.type === 'Field' || item.type === 'FieldRelationship') {
      const dotted =
        item.type === 'Field'
          ? item.field
          : (item.rawValue ?? [...item.relationships, item.field].join('.'));
      const offset = findToken(tokens, dotted);
      const path = resolvePath(scope, objectDef, dotted, offset, alias);
      const index = groupIndex(path);
      if (index < 0)
        throw errors.malformed(`Field must be grouped or aggregated: ${path.field.name}`, offset);
      const itemAlias = 'alias' in item && typeof item.alias === 'string' ? item.alias : undefined;
      const field = path.field;
      columns.push({
        key: itemAlias ?? field.name,
        read: (g) => formatOutput(field, g.keys[index] ?? null),
      });
    } else if (item.type === 'FieldFunctionExpression') {
      const fn = item as FieldFunctionExpression;
      const offset = findToken(tokens, fn.functionName);
      const index = specIndex(fn, offset);
      const key = fn.alias ?? `expr${expr++}`;
      const field = resultField(specs[index] as AggregateSpec);
      columns.push({ key, read: (g) => formatOutput(field, g.aggregates[index] ?? null) });
    } else {
      throw errors.malformed(`unexpected token: '('`, clauseStart(tokens, 'SELECT'));
    }
  }

  const having = compileHaving(scope, objectDef, query, groupIndex, specIndex, specs);
  const orderKeys = compileGroupOrder(
    scope,
    query.orderBy,
    objectDef,
    groupIndex,
    specIndex,
    specs,
  );
  const { offset, limit } = checkedWindow(scope, query);

  const where = compileWhere(scope, objectDef, query.where, alias);
  const readers = groupPaths.map((p) => pathReader(scope, p));
  const groups = new Map<string, Group>();
  for (const row of visibleRows(scope, objectDef)) {
    if (where && !where(row)) continue;
    const keys = readers.map((read) => read(row));
    const id = JSON.stringify(keys);
    const group = groups.get(id);
    if (group) group.rows.push(row);
    else groups.set(id, { keys, rows: [row], aggregates: [] });
  }
  // Without GROUP BY an aggregate query always answers one row, even over no records.
  if (groupPaths.length === 0 && groups.size === 0)
    groups.set('[]', { keys: [], rows: [], aggregates: [] });
  for (const group of groups.values())
    group.aggregates = specs.map((spec) => compute(scope, spec, group.rows));

  const kept = [...groups.values()].filter((g) => !having || having(g));
  const sorted = sortRows(kept, orderKeys).slice(
    offset,
    limit === undefined ? undefined : offset + limit,
  );
  const records: JsonRecord[] = sorted.map((group) => {
    const record: JsonRecord = { attributes: { type: 'AggregateResult' } };
    for (const column of columns) record[column.key] = column.read(group);
    return record;
  });
  return { totalSize: records.length, done: true, records };
}

function compileHaving(
  scope: QueryScope,
  objectDef: ObjectDef,
  query: Query,
  groupIndex: (path: ResolvedPath) => number,
  specIndex: (fn: FunctionExp, offset: number) => number,
  specs: AggregateSpec[],
): Predicate<Group> | undefined {
  if (!query.having) return undefined;
  const { errors } = scope;
  const from = Math.max(0, clauseStart(errors.tokens, 'HAVING'));
  const tree = buildBoolTree<Condition>(query.having, errors, 'HAVING');
  return evaluateTree(
    mapTree(tree, (leaf): Predicate<Group> => {
      if ('fn' in leaf) {
        const offset = findToken(errors.tokens, leaf.fn.functionName ?? '', from);
        const index = specIndex(leaf.fn, offset);
        const spec = specs[index] as AggregateSpec;
        const field = resultField(spec);
        return compileComparison<Group>(
          scope,
          { label: spec.path.field.name, field, offset, read: (g) => g.aggregates[index] ?? null },
          leaf,
        );
      }
      if (!('field' in leaf)) throw errors.malformed(`unexpected token: 'HAVING'`, from);
      const offset = findToken(errors.tokens, leaf.field, from);
      const path = resolvePath(scope, objectDef, leaf.field, offset, query.sObjectAlias);
      const index = groupIndex(path);
      if (index < 0)
        throw errors.malformed(`Field must be grouped or aggregated: ${path.field.name}`, offset);
      return compileComparison<Group>(
        scope,
        { label: path.field.name, field: path.field, offset, read: (g) => g.keys[index] ?? null },
        leaf,
      );
    }),
  );
}

function compileGroupOrder(
  scope: QueryScope,
  orderBy: OrderByClause | OrderByClause[] | undefined,
  objectDef: ObjectDef,
  groupIndex: (path: ResolvedPath) => number,
  specIndex: (fn: FunctionExp, offset: number) => number,
  specs: AggregateSpec[],
) {
  const { errors } = scope;
  const clauses = orderBy === undefined ? [] : Array.isArray(orderBy) ? orderBy : [orderBy];
  const from = Math.max(0, clauseStart(errors.tokens, 'ORDER'));
  return clauses.map((clause) => {
    if ('fn' in clause) {
      const index = specIndex(
        clause.fn,
        findToken(errors.tokens, clause.fn.functionName ?? '', from),
      );
      const kind = valueKind(resultField(specs[index] as AggregateSpec));
      return sortKey(clause, (g: Group) => comparable(kind, g.aggregates[index] ?? null));
    }
    const offset = findToken(errors.tokens, clause.field, from);
    const path = resolvePath(scope, objectDef, clause.field, offset);
    const index = groupIndex(path);
    if (index < 0)
      throw errors.malformed(
        `Ordered field must be grouped or aggregated: ${path.field.name}`,
        offset,
      );
    const kind = valueKind(path.field);
    return sortKey(clause, (g: Group) => comparable(kind, g.keys[index] ?? null));
  });
}
