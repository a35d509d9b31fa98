import type { GraphQLResolveInfo } from 'graphql';
import {
  OBJECT_MAPPINGS,
  type SalesforceRecord,
  type SObjectName,
} from '../../../upstreams/salesforce/soql';
import type { GatewayContext } from '../../../context/gateway-context';
import { toGraphQLError } from '../../../errors';
import { withGraphQLErrors } from './graphql-errors';
import { toNode, type NodeOf } from './node-types';
import { originOf } from './record-mapper';
import { selectedFields } from './selected-fields';
import { isRecord } from '../../../lib/is-record';

/** Whether every SOQL path is answered by `record` (a null parent on the way answers the rest). */
export function hasPaths(record: Record<string, unknown>, paths: string[]): boolean {
  return paths.every((path) => {
    let current: unknown = record;
    for (const segment of path.split('.')) {
      if (current === null) return true;
      if (!isRecord(current) || !(segment in current)) return false;
      current = current[segment];
    }
    return true;
  });
}

/**
 * A parent reference (`opportunity.account`, `account.owner`): read from the relationship
 * path that rode in the child's SOQL when it holds everything the selection needs, else
 * batched by Id through a loader keyed by the field set. The embedded case answers
 * synchronously: a page of 200 rows would otherwise cost graphql-js a promise chain per row.
 */
export function resolveParent<S extends SObjectName>(
  ctx: GatewayContext,
  info: GraphQLResolveInfo,
  child: object,
  key: string,
): NodeOf<S> | null | Promise<NodeOf<S> | null> {
  let sobject: SObjectName;
  let record: SalesforceRecord;
  let target: S;
  let idField: string;
  let fields: string[];
  let parentId: unknown;
  try {
    ({ sobject, record } = originOf(child));
    const relation = OBJECT_MAPPINGS[sobject].parents[key];
    if (!relation) throw new Error(`${sobject} has no parent reference ${key}`);
    target = relation.target as S;
    idField = relation.idField;
    fields = selectedFields(info, target, false, ctx.linkFields);
    const embedded = record[relation.relationship];
    if (embedded === null) return null;
    parentId = isRecord(embedded)
      ? (embedded.Id ?? record[relation.idField])
      : record[relation.idField];
    if (isRecord(embedded) && typeof parentId === 'string') {
      const candidate = { ...embedded, Id: parentId } as SalesforceRecord;
      if (hasPaths(candidate, fields)) return toNode(target, candidate);
    }
  } catch (error) {
    throw toGraphQLError(error);
  }
  return withGraphQLErrors(async () => {
    if (parentId === undefined) {
      // Neither the path nor its Id field was selected (e.g. the record came from elsewhere).
      const own = await ctx.loaders.salesforce.recordById(sobject, ['Id', idField]).load(record.Id);
      parentId = own?.[idField];
    }
    if (typeof parentId !== 'string') return null;
    const parent = await ctx.loaders.salesforce.recordById(target, fields).load(parentId);
    return parent ? toNode(target, parent) : null;
  });
}
