import type { GraphQLSchema } from 'graphql';
import { isObjectType } from 'graphql';
import type { SubscriberAccess } from '../../live/access-filter';
import { ENTITY_NAMES, type SObjectTypeName } from '../../live/normalized-change';
import type { SalesforceRecord } from '../../upstreams/salesforce/soql';
import type { SalesforceClient } from '../../upstreams/salesforce/client';
import { queryAll } from '../../upstreams/salesforce/loaders/query-all';
import { queryByIds } from '../../upstreams/salesforce/cdc/ids-query';

export interface SubscriberAccessDeps {
  viewerKey: string;
  salesforce: SalesforceClient;
  /** SOQL through `/queryAll` as the viewer (deleted rows included); without it deletes fail closed. */
  queryAllRows?: (soql: string) => Promise<SalesforceRecord[]>;
  schema: GraphQLSchema;
}

/** The graph's field names of each type: what a change may name in `changedFields`. */
const readableByType = new WeakMap<GraphQLSchema, Map<SObjectTypeName, ReadonlySet<string>>>();

export function graphFieldNames(schema: GraphQLSchema, type: SObjectTypeName): ReadonlySet<string> {
  let byType = readableByType.get(schema);
  if (!byType) {
    byType = new Map();
    readableByType.set(schema, byType);
  }
  let names = byType.get(type);
  if (!names) {
    const graphType = schema.getType(ENTITY_NAMES[type]);
    names = new Set(isObjectType(graphType) ? Object.keys(graphType.getFields()) : []);
    byType.set(type, names);
  }
  return names;
}

/**
 * A subscriber's access, asked as that user with their own Salesforce client: Salesforce's
 * sharing decides which changed records they see. Fields are limited to what the graph
 * exposes; field-level security beyond that is Salesforce's, applied when `record` is read.
 */
export function createSubscriberAccess(deps: SubscriberAccessDeps): SubscriberAccess {
  return {
    viewerKey: deps.viewerKey,
    async canSee(type, ids, options) {
      // /queryAll whenever we have it: a record created and deleted a moment later is still
      // checked against the viewer's sharing, instead of looking invisible to everyone.
      const run =
        deps.queryAllRows ??
        (options.includeDeleted ? undefined : (soql: string) => queryAll(deps.salesforce, soql));
      // No /queryAll for this viewer: a delete cannot be checked, so it is not delivered.
      if (!run) return new Set();
      const rows = await queryByIds(run, type, ['Id'], ids);
      const visible = new Set<string>();
      const byPrefix = new Map(ids.map((id) => [id.slice(0, 15), id]));
      for (const row of rows) {
        const id = byPrefix.get(row.Id.slice(0, 15));
        if (id !== undefined) visible.add(id);
      }
      return visible;
    },
    readableFields: (type) => graphFieldNames(deps.schema, type),
  };
}
