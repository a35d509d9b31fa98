import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../../context/gateway-context';
import { isLinkedNodeId, resolveLinkedNode } from '../../linked/linked-node';
import { withGraphQLErrors } from '../common/graphql-errors';
import { Node } from '../../shared/node.interface';
import { resolveAnyNode } from '../common/resolve-by-id';

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true })
  node(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Node | null> {
    if (isLinkedNodeId(id)) return withGraphQLErrors(() => resolveLinkedNode(ctx, id));
    return resolveAnyNode(ctx, info, id);
  }
}
