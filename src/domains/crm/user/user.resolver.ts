import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, Info, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../../server/context';
import { withGraphQLErrors } from '../common/graphql-errors';
import { loadNode } from '../common/resolve-by-id';
import { User } from './user.type';

@Resolver(() => User)
export class UserResolver {
  /** The Salesforce user the gateway acts as for this request. */
  @Query(() => User, { nullable: true })
  viewer(@Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo): Promise<User | null> {
    return withGraphQLErrors(async () => {
      const identity = await ctx.salesforce.identity();
      return loadNode(ctx, info, 'User', identity.userId);
    });
  }
}
