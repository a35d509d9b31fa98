import type { GraphQLResolveInfo } from 'graphql';
import { OBJECT_MAPPINGS, type SObjectName } from '../../../upstreams/salesforce/soql';
import type { GatewayContext } from '../../../context/gateway-context';
import type { ConnectionShape } from '../../shared/connection.types';
import { isFieldSelected } from '../../shared/selection';
import { buildConnection } from './connection-builder';
import { pageSize, type ConnectionArguments } from './connection-args';
import { toFilterInput, toOrderByInput } from './filter-input';
import { withGraphQLErrors } from './graphql-errors';
import type { NodeOf } from './node-types';
import { originOf } from './record-mapper';
import { resolveConnection } from './resolve-connection';
import { selectedFields } from './selected-fields';

/**
 * A child connection (`account.contacts`). First pages of all parents at this level share
 * one parent+subquery SOQL per ≤200 parents (and one GROUP BY for `totalCount`); a page
 * after a cursor is a query scoped to this one parent.
 */
export function resolveChildren<S extends SObjectName>(
  ctx: GatewayContext,
  info: GraphQLResolveInfo,
  parent: object,
  key: string,
  args: ConnectionArguments,
): Promise<ConnectionShape<NodeOf<S>>> {
  const { sobject, record } = originOf(parent);
  const relation = OBJECT_MAPPINGS[sobject].children[key];
  if (!relation) return Promise.reject(new Error(`${sobject} has no child relationship ${key}`));
  const child = relation.target as S;
  if (args.after) {
    return resolveConnection(ctx, info, child, args, { field: relation.field, ids: [record.Id] });
  }
  return withGraphQLErrors(async () => {
    const first = pageSize(args);
    const where = toFilterInput(child, args.where);
    const loaders = ctx.loaders.salesforce;
    const [page, totalCount] = await Promise.all([
      loaders
        .childConnections({
          parent: sobject,
          relationship: relation.relationship,
          child,
          fields: selectedFields(info, child, true, ctx.linkFields),
          where,
          orderBy: toOrderByInput(args.orderBy),
          first,
        })
        .load(record.Id),
      isFieldSelected(info, ['totalCount'])
        ? loaders.groupedCount({ object: child, groupField: relation.field, where }).load(record.Id)
        : undefined,
    ]);
    return buildConnection(child, page.records, { sortKeys: page.sortKeys, first, totalCount });
  });
}
