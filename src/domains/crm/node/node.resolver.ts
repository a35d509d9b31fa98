import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../../context/gateway-context';
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
    return resolveAnyNode(ctx, info, id);
  }
}
