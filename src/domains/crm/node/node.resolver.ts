import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../../context/gateway-context';
import { isLinkedNodeId, resolveLinkedNode } from '../../linked/linked-node';
import { withGraphQLErrors } from '../common/graphql-errors';
import { Node } from '../../shared/node.interface';
import { resolveAnyNode } from '../common/resolve-by-id';

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description:
      'Any record by its global id (Relay): a Salesforce Id names its object by its key prefix (001 Account, 003 Contact, 006 Opportunity, 00Q Lead, 005 User) and costs one SOQL query (batched with the request’s other reads by Id); `stripe-payment:`, `zendesk-ticket:` and `quickbooks-invoice:` ids are read from that service. Null when absent or not visible; a malformed id is BAD_USER_INPUT.',
  })
  node(
    @Arg('id', () => ID, { description: 'The record’s global id (`id` of any Node).' }) id: string,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Node | null> {
    if (isLinkedNodeId(id)) return withGraphQLErrors(() => resolveLinkedNode(ctx, id));
    return resolveAnyNode(ctx, info, id);
  }
}
