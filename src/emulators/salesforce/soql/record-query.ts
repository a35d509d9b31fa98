import type {
  FieldType as SelectItem,
  OrderByClause,
  QueryBase,
  Subquery,
} from '@jetstreamapp/soql-parser-js';
import { SalesforceError } from '../model/errors';
import type { JsonRecord, ObjectDef, QueryResult, SObjectRecord } from '../model/types';
import { pathReader, resolvePath } from './field-path';
import { sortKey, sortRows, type SortKey } from './order-compiler';
import { visibleRows, type QueryScope } from './query-scope';
import {
  addChild,
  addPath,
  emptyNode,
  project,
  type ChildReader,
  type ProjectionNode,
} from './record-projector';
import { clauseStart, findToken } from './soql-lexer';
import { MAX_OFFSET } from './soql-errors';
import { comparable, valueKind } from './value-kinds';
import { compileWhere } from './where-compiler';

/** Select-list functions that return the field's own value here (key = field name). */
const VALUE_FUNCTIONS = new Set(['TOLABEL', 'FORMAT', 'CONVERTCURRENCY']);

/** FIELDS(ALL)/FIELDS(CUSTOM) are only allowed with a small LIMIT. */
const FIELDS_LIMIT = 200;

/** A compiled non-aggregate statement (top level or child subquery). */
export interface RecordPlan {
  objectDef: ObjectDef;
  /** Rows after WHERE, ORDER BY, OFFSET and LIMIT. */
  select(rows?: Iterable<SObjectRecord>): SObjectRecord[];
  projection: ProjectionNode;
}

/** Compiles SELECT fields FROM objectDef [WHERE] [ORDER BY] [LIMIT] [OFFSET]. */
export function compileRecordQuery(
  scope: QueryScope,
  objectDef: ObjectDef,
  query: QueryBase,
  options: { isChild: boolean },
): RecordPlan {
  const tokens = scope.errors.tokens;
  const selectFrom = options.isChild ? Math.max(0, findToken(tokens, 'SELECT', 1)) : 0;
  const projection = emptyNode();
  for (const item of query.fields ?? []) {
    compileSelectItem(scope, objectDef, query, item, projection, selectFrom, options.isChild);
  }
  const where = compileWhere(scope, objectDef, query.where, query.sObjectAlias);
  const order = compileOrder(scope, objectDef, query.orderBy, query.sObjectAlias);
  const { offset, limit } = checkedWindow(scope, query);
  return {
    objectDef,
    projection,
    select(rows = visibleRows(scope, objectDef)) {
      const matched: SObjectRecord[] = [];
      for (const row of rows) if (!where || where(row)) matched.push(row);
      const sorted = sortRows(matched, order);
      return sorted.slice(offset, limit === undefined ? undefined : offset + limit);
    },
  };
}

export function runRecordPlan(scope: QueryScope, plan: RecordPlan): QueryResult {
  const rows = plan.select();
  const records = rows.map((row) => project(scope, row, plan.objectDef, plan.projection));
  return { totalSize: records.length, done: true, records };
}

export function checkedWindow(
  scope: QueryScope,
  query: QueryBase,
): { offset: number; limit?: number } {
  const offset = query.offset ?? 0;
  if (offset > MAX_OFFSET) {
    const message = scope.errors.located(
      `Maximum SOQL offset allowed is ${MAX_OFFSET}`,
      clauseStart(scope.errors.tokens, 'OFFSET'),
    );
    throw new SalesforceError(400, 'NUMBER_OUTSIDE_VALID_RANGE', message);
  }
  return { offset, limit: query.limit };
}

function compileSelectItem(
  scope: QueryScope,
  objectDef: ObjectDef,
  query: QueryBase,
  item: SelectItem,
  projection: ProjectionNode,
  from: number,
  isChild: boolean,
): void {
  const tokens = scope.errors.tokens;
  switch (item.type) {
    case 'Field':
    case 'FieldRelationship': {
      const dotted =
        item.type === 'Field'
          ? item.field
          : (item.rawValue ?? [...item.relationships, item.field].join('.'));
      const offset = findToken(tokens, dotted, from);
      const path = resolvePath(scope, objectDef, dotted, offset, query.sObjectAlias);
      if (!addPath(projection, path)) {
        throw scope.errors.invalidField(`duplicate field selected: ${path.field.name}`, offset);
      }
      return;
    }
    case 'FieldSubquery': {
      if (isChild) throw scope.errors.malformed(`unexpected token: '('`, from);
      const key = compileChildSubquery(scope, objectDef, item.subquery);
      addChild(projection, key.relationshipName, key.read);
      return;
    }
    case 'FieldFunctionExpression': {
      const name = item.functionName.toUpperCase();
      if (name === 'FIELDS') {
        expandFields(
          scope,
          objectDef,
          query,
          String(item.parameters[0] ?? ''),
          projection,
          findToken(tokens, 'FIELDS', from),
        );
        return;
      }
      const param = item.parameters[0];
      if (VALUE_FUNCTIONS.has(name) && typeof param === 'string' && item.parameters.length === 1) {
        // Labels equal values in the emulated org, and it has one currency.
        const offset = findToken(tokens, name, from);
        addPath(projection, resolvePath(scope, objectDef, param, offset, query.sObjectAlias));
        return;
      }
      throw scope.errors.malformed(
        `unexpected token: '${item.rawValue ?? name}'`,
        findToken(tokens, name, from),
      );
    }
    default:
      throw scope.errors.malformed(`unexpected token: 'TYPEOF'`, findToken(tokens, 'TYPEOF', from));
  }
}

function expandFields(
  scope: QueryScope,
  objectDef: ObjectDef,
  query: QueryBase,
  which: string,
  projection: ProjectionNode,
  offset: number,
): void {
  const kind = which.toUpperCase();
  if (kind !== 'ALL' && kind !== 'STANDARD' && kind !== 'CUSTOM') {
    throw scope.errors.malformed(`unexpected token: '${which}'`, offset);
  }
  if (kind !== 'STANDARD' && (query.limit === undefined || query.limit > FIELDS_LIMIT)) {
    throw scope.errors.malformed(
      `The SOQL FIELDS function must have a LIMIT of at most ${FIELDS_LIMIT}`,
      offset,
    );
  }
  for (const field of objectDef.fields) {
    if (kind === 'STANDARD' && field.custom) continue;
    if (kind === 'CUSTOM' && !field.custom) continue;
    addPath(projection, { hops: [], field, object: objectDef, text: field.name });
  }
}

/** `ORDER BY` keys over records; each field must be sortable. */
export function compileOrder(
  scope: QueryScope,
  objectDef: ObjectDef,
  orderBy: OrderByClause | OrderByClause[] | undefined,
  alias?: string,
): SortKey<SObjectRecord>[] {
  const clauses = orderBy === undefined ? [] : Array.isArray(orderBy) ? orderBy : [orderBy];
  const from = Math.max(0, clauseStart(scope.errors.tokens, 'ORDER'));
  return clauses.map((clause) => {
    if (!('field' in clause)) {
      const raw = clause.fn.rawValue ?? clause.fn.functionName ?? '';
      throw scope.errors.malformed(
        `Ordered field must be grouped or aggregated: ${raw}`,
        findToken(scope.errors.tokens, raw, from),
      );
    }
    const offset = findToken(scope.errors.tokens, clause.field, from);
    const path = resolvePath(scope, objectDef, clause.field, offset, alias);
    if (!path.field.sortable) {
      throw scope.errors.invalidField(
        `field '${path.field.name}' can not be sorted in a query call`,
        offset,
      );
    }
    const read = pathReader(scope, path);
    const kind = valueKind(path.field);
    return sortKey(clause, (row: SObjectRecord) => comparable(kind, read(row)));
  });
}

/**
 * `(SELECT ... FROM Contacts ...)`: validated against the child relationship; run once per
 * statement over all visible children, grouped by parent Id.
 */
function compileChildSubquery(
  scope: QueryScope,
  parent: ObjectDef,
  subquery: Subquery,
): { relationshipName: string; read: () => ChildReader } {
  const name = subquery.relationshipName;
  const relationship = parent.childRelationships.find(
    (r) => r.relationshipName.toLowerCase() === name.toLowerCase(),
  );
  const childObject = relationship && scope.data.describe(relationship.childSObject);
  if (!relationship || !childObject) {
    throw scope.errors.unknownChildRelationship(name, findToken(scope.errors.tokens, name));
  }
  const plan = compileRecordQuery(scope, childObject, subquery, { isChild: true });
  let reader: ChildReader | undefined;
  const read = (): ChildReader => {
    if (reader) return reader;
    const byParent = new Map<string, SObjectRecord[]>();
    for (const row of visibleRows(scope, childObject)) {
      const parentId = row[relationship.field];
      if (typeof parentId !== 'string') continue;
      const list = byParent.get(parentId);
      if (list) list.push(row);
      else byParent.set(parentId, [row]);
    }
    const built: ChildReader = (parentId) => {
      const rows = plan.select(byParent.get(parentId) ?? []);
      if (rows.length === 0) return null;
      const records: JsonRecord[] = rows.map((row) =>
        project(scope, row, childObject, plan.projection),
      );
      return { totalSize: records.length, done: true, records };
    };
    reader = built;
    return built;
  };
  return { relationshipName: relationship.relationshipName, read };
}
