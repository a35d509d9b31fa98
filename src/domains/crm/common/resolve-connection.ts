import type { GraphQLResolveInfo } from 'graphql';
import type { SObjectName } from '../../../upstreams/salesforce/soql';
import { readConnectionPage } from '../../../upstreams/salesforce/operations';
import type { GatewayContext } from '../../../context/gateway-context';
import type { ConnectionShape } from '../../shared/connection.types';
import { isFieldSelected, selectSoqlFields } from '../../shared/selection';
import { buildConnection } from './connection-builder';
import { pageSize, type ConnectionArguments } from './connection-args';
import { toFilterInput, toOrderByInput } from './filter-input';
import { withGraphQLErrors } from './graphql-errors';
import type { NodeOf } from './node-types';
import { prefetchChildPages } from './prefetch-child-pages';

/**
 * One page of `object` in one SOQL call (plus a COUNT() only when `totalCount` is selected).
 * `scope` narrows it to the children of one parent (a child connection paged with `after`).
 */
export function resolveConnection<S extends SObjectName>(
  ctx: GatewayContext,
  info: GraphQLResolveInfo,
  object: S,
  args: ConnectionArguments,
  scope?: { field: string; ids: string[] },
): Promise<ConnectionShape<NodeOf<S>>> {
  return withGraphQLErrors(async () => {
    const first = pageSize(args);
    const where = toFilterInput(object, args.where);
    const page = await readConnectionPage(
      ctx.salesforce,
      {
        object,
        fields: selectSoqlFields(info, object, { connection: true, linkFields: ctx.linkFields }),
        where,
        orderBy: toOrderByInput(args.orderBy),
        first,
        after: args.after ?? null,
        scope: scope ?? null,
      },
      { withTotalCount: isFieldSelected(info, ['totalCount']) },
    );
    // The rows' child connections go out now, not after graphql-js has walked every row.
    await prefetchChildPages(ctx, info, object, page.records.slice(0, first));
    return buildConnection(object, page.records, {
      sortKeys: page.sortKeys,
      first,
      after: args.after,
      totalCount: page.totalCount,
    });
  });
}
