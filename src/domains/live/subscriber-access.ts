import type { GraphQLSchema } from 'graphql';
import { isObjectType } from 'graphql';
import type { SubscriberAccess } from '../../live/access-filter';
import type { SObjectTypeName } from '../../live/normalized-change';
import { ENTITY_NAMES } from '../../upstreams/salesforce/cdc/entity-names';
import type { SalesforceClient } from '../../upstreams/salesforce/client';
import { idKey } from '../../upstreams/salesforce/soql';
import { readRecordsByIds } from '../../upstreams/salesforce/operations';

export interface SubscriberAccessDeps {
  viewerKey: string;
  /** The viewer's own client: `/queryAll` (deleted rows included) as the viewer. */
  salesforce: SalesforceClient;
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
    async canSee(type, ids) {
      // /queryAll for every change: a record created and deleted a moment later is still
      // checked against the viewer's sharing, instead of looking invisible to everyone. A
      // client that cannot answer it rejects, and the access filter then fails closed.
      const rows = await readRecordsByIds(deps.salesforce, ENTITY_NAMES[type], ['Id'], ids, {
        includeDeleted: true,
      });
      const visible = new Set<string>();
      const byPrefix = new Map(ids.map((id) => [idKey(id), id]));
      for (const row of rows) {
        const id = byPrefix.get(idKey(row.Id));
        if (id !== undefined) visible.add(id);
      }
      return visible;
    },
    readableFields: (type) => graphFieldNames(deps.schema, type),
  };
}
