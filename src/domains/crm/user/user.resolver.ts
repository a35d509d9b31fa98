import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, Info, Query, Resolver } from 'type-graphql';
import { normalizeId } from '../../../upstreams/salesforce/soql';
import type { GatewayContext } from '../../../context/gateway-context';
import { withGraphQLErrors } from '../common/graphql-errors';
import { loadNode } from '../common/resolve-by-id';
import { User } from './user.type';

@Resolver(() => User)
export class UserResolver {
  /**
   * The Salesforce user the gateway acts as for this request. The viewer was resolved once
   * when the request came in (session or integration identity); asking Salesforce's identity
   * URL again would add a round trip to every query that selects `viewer`.
   */
  @Query(() => User, { nullable: true })
  viewer(@Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo): Promise<User | null> {
    return withGraphQLErrors(() => loadNode(ctx, info, 'User', normalizeId(ctx.viewer.userId)));
  }
}
