import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { normalizeId } from '../../../upstreams/salesforce/soql';
import type { GatewayContext } from '../../../context/gateway-context';
import type { ConnectionShape } from '../../shared/connection.types';
import { withGraphQLErrors } from '../common/graphql-errors';
import { loadNode } from '../common/resolve-by-id';
import { resolveConnection } from '../common/resolve-connection';
import { UserConnectionArgs } from './user.args';
import { User, UserConnection } from './user.type';

@Resolver(() => User)
export class UserResolver {
  /**
   * The Salesforce user the gateway acts as for this request. The viewer was resolved once
   * when the request came in (session or integration identity); asking Salesforce's identity
   * URL again would add a round trip to every query that selects `viewer`.
   */
  @Query(() => User, {
    nullable: true,
    description:
      'The Salesforce user the gateway acts as for this request (the signed-in user, or the integration user). At most one SOQL query, batched with other User reads of the request; null when the user row is not readable.',
  })
  viewer(@Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo): Promise<User | null> {
    return withGraphQLErrors(() => loadNode(ctx, info, 'User', normalizeId(ctx.viewer.userId)));
  }

  /**
   * Same machinery as the other CRM connections (keyset cursor, filter compiler, one SOQL
   * per page), read as the viewer: which users they see is Salesforce's User sharing.
   */
  @Query(() => UserConnection, {
    description:
      'The users of the org, e.g. to fill an `ownerId` input: one SOQL query per page (plus a COUNT() query when `totalCount` is selected). Keyset paging: pass `pageInfo.endCursor` as `after`. A bad filter, sort or cursor is BAD_USER_INPUT.',
  })
  users(
    @Args(() => UserConnectionArgs) args: UserConnectionArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionShape<User>> {
    return resolveConnection(ctx, info, 'User', args);
  }
}
