import { composeQuery, getField, type Query, type WhereClause } from '@jetstreamapp/soql-parser-js';
import { allOf, compare, type MaybeCondition, type SoqlCondition } from './condition-tree';
import { compileFilter } from './filter-compiler';
import { decodeCursor } from './keyset-cursor';
import { keysetPredicate } from './keyset-predicate';
import { OBJECT_MAPPINGS } from './object-mappings';
import { assertQueryFitsRequestUri } from './request-uri-limit';
import { normalizeId } from './salesforce-id';
import { assertSoqlName, assertSoqlPath, selectFields } from './select-fields';
import { SoqlInputError } from './soql-input-error';
import { soqlString } from './soql-literals';
import { orderByClauses, resolveSortKeys } from './sort-keys';
import {
  MAX_IDS_PER_QUERY,
  MAX_PAGE_SIZE,
  type CompiledConnectionQuery,
  type ConnectionQueryInput,
  type FilterInput,
  type IdScope,
  type ObjectMapping,
  type OrderByInput,
  type SObjectName,
} from './soql.types';
import { toWhereClause } from './where-composer';

function mappingFor(object: SObjectName): ObjectMapping {
  const mapping = Object.prototype.hasOwnProperty.call(OBJECT_MAPPINGS, object)
    ? OBJECT_MAPPINGS[object]
    : undefined;
  if (!mapping) throw new TypeError(`Unknown SObject ${JSON.stringify(object)}`);
  return mapping;
}

function validateFirst(first: number): void {
  if (typeof first !== 'number' || !Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new SoqlInputError(
      `\`first\` must be between 0 and ${MAX_PAGE_SIZE}, got ${String(first)}`,
      'first',
    );
  }
}

/** `field IN (...)` over ids the gateway already holds (parents, loader keys): misuse is a bug, not user input. */
function idsIn(field: string, ids: string[], argument: string): SoqlCondition {
  assertSoqlPath(field, 'id field');
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_IDS_PER_QUERY) {
    throw new RangeError(
      `${argument}: between 1 and ${MAX_IDS_PER_QUERY} ids per query (use chunkIds), got ${ids?.length}`,
    );
  }
  const unique = [...new Set(ids.map((id) => normalizeId(id, argument)))];
  // normalizeId only answers 18 letters and digits, which need no escaping.
  return compare(
    field,
    'IN',
    unique.map((id) => `'${id}'`),
    'STRING',
  );
}

function scopeCondition(scope: IdScope | null | undefined): MaybeCondition {
  return scope ? idsIn(scope.field, scope.ids, 'scope') : undefined;
}

function whereOf(condition: MaybeCondition): WhereClause | undefined {
  return condition ? toWhereClause(condition) : undefined;
}

/** Every query travels URL-encoded in a GET, so the 16 KB URI limit binds long before SOQL's 100,000 characters. */
function compose(query: Query): string {
  const soql = composeQuery(query);
  assertQueryFitsRequestUri(soql);
  return soql;
}

/** One page of a connection: SELECT ... WHERE <scope> AND <where> AND <after> ORDER BY <keys>, Id LIMIT first+1. */
export function buildConnectionQuery(input: ConnectionQueryInput): CompiledConnectionQuery {
  const mapping = mappingFor(input.object);
  validateFirst(input.first);
  const sortKeys = resolveSortKeys(mapping, input.orderBy);
  const after =
    input.after === undefined || input.after === null
      ? undefined
      : keysetPredicate(input.object, sortKeys, decodeCursor(input.after, sortKeys));
  const condition = allOf([
    scopeCondition(input.scope),
    compileFilter(mapping, input.where),
    after,
  ]);
  const limit = input.first + 1;
  const soql = compose({
    fields: selectFields(
      input.fields,
      sortKeys.map((k) => k.field),
    ),
    sObject: mapping.sobject,
    where: whereOf(condition),
    orderBy: orderByClauses(sortKeys),
    limit,
  });
  return { soql, sortKeys, limit };
}

/** SELECT COUNT() FROM <object> WHERE <scope> AND <where>; Salesforce answers in totalSize. */
export function buildCountQuery(input: {
  object: SObjectName;
  where?: FilterInput | null;
  scope?: IdScope | null;
}): string {
  const mapping = mappingFor(input.object);
  const condition = allOf([scopeCondition(input.scope), compileFilter(mapping, input.where)]);
  return compose({
    fields: [getField({ functionName: 'COUNT' })],
    sObject: mapping.sobject,
    where: whereOf(condition),
  });
}

/** COUNT per parent in one query: SELECT AccountId, COUNT(Id) FROM Contact WHERE AccountId IN (...) AND <where> GROUP BY AccountId */
export function buildGroupedCountQuery(input: {
  object: SObjectName;
  where?: FilterInput | null;
  groupField: string;
  ids: string[];
}): string {
  const mapping = mappingFor(input.object);
  assertSoqlPath(input.groupField, 'group field');
  const condition = allOf([
    idsIn(input.groupField, input.ids, 'ids'),
    compileFilter(mapping, input.where),
  ]);
  return compose({
    fields: [getField(input.groupField), getField({ functionName: 'COUNT', parameters: ['Id'] })],
    sObject: mapping.sobject,
    where: whereOf(condition),
    groupBy: [{ field: input.groupField }],
  });
}

/** Child connections for many parents in ONE query, per-parent LIMIT via a child subquery:
 *  SELECT Id, (SELECT <fields> FROM Contacts WHERE <where> ORDER BY <keys> LIMIT first+1) FROM Account WHERE Id IN (...) */
export function buildChildConnectionsQuery(input: {
  parent: SObjectName;
  relationship: string;
  child: SObjectName;
  fields: string[];
  where?: FilterInput | null;
  orderBy?: OrderByInput[] | null;
  first: number;
  parentIds: string[];
}): CompiledConnectionQuery {
  const parent = mappingFor(input.parent);
  const child = mappingFor(input.child);
  assertSoqlName(input.relationship, 'relationship name');
  validateFirst(input.first);
  const sortKeys = resolveSortKeys(child, input.orderBy);
  const limit = input.first + 1;
  const soql = compose({
    fields: [
      getField('Id'),
      getField({
        subquery: {
          relationshipName: input.relationship,
          fields: selectFields(
            input.fields,
            sortKeys.map((k) => k.field),
          ),
          where: whereOf(compileFilter(child, input.where)),
          orderBy: orderByClauses(sortKeys),
          limit,
        },
      }),
    ],
    sObject: parent.sobject,
    where: toWhereClause(idsIn('Id', input.parentIds, 'parentIds')),
  });
  return { soql, sortKeys, limit };
}

/** SELECT <fields> FROM <object> WHERE Id IN (...), at most MAX_IDS_PER_QUERY ids. */
export function buildByIdsQuery(input: {
  object: SObjectName;
  fields: string[];
  ids: string[];
}): string {
  const mapping = mappingFor(input.object);
  return compose({
    fields: selectFields(input.fields),
    sObject: mapping.sobject,
    where: toWhereClause(idsIn('Id', input.ids, 'ids')),
  });
}

/**
 * SELECT <fields> FROM <object> WHERE <field> IN ('v1', ...): records by the value of a
 * non-Id field the gateway holds (a linked service's customer id, looked up in the Account's
 * link field). Values are escaped like every user value; at most MAX_IDS_PER_QUERY of them.
 */
export function buildByFieldValuesQuery(input: {
  object: SObjectName;
  fields: string[];
  field: string;
  values: string[];
}): string {
  const mapping = mappingFor(input.object);
  assertSoqlName(input.field, 'lookup field');
  const values = [...new Set(input.values)];
  if (values.length === 0 || values.length > MAX_IDS_PER_QUERY) {
    throw new RangeError(
      `values: between 1 and ${MAX_IDS_PER_QUERY} per query, got ${values.length}`,
    );
  }
  return compose({
    fields: selectFields(input.fields, [input.field]),
    sObject: mapping.sobject,
    where: toWhereClause(compare(input.field, 'IN', values.map(soqlString), 'STRING')),
  });
}

/**
 * Sums per parent and per group in one query:
 * SELECT AccountId, IsClosed, IsWon, SUM(Amount) FROM Opportunity WHERE AccountId IN (...)
 * GROUP BY AccountId, IsClosed, IsWon. The sum comes back as `expr0`.
 */
export function buildGroupedSumQuery(input: {
  object: SObjectName;
  parentField: string;
  groupFields: string[];
  sumField: string;
  ids: string[];
}): string {
  const mapping = mappingFor(input.object);
  const groups = [input.parentField, ...input.groupFields];
  for (const field of groups) assertSoqlPath(field, 'group field');
  assertSoqlPath(input.sumField, 'sum field');
  return compose({
    fields: [
      ...groups.map((field) => getField(field)),
      getField({ functionName: 'SUM', parameters: [input.sumField] }),
    ],
    sObject: mapping.sobject,
    where: toWhereClause(idsIn(input.parentField, input.ids, 'ids')),
    groupBy: groups.map((field) => ({ field })),
  });
}
