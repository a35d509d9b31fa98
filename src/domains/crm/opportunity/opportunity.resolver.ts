import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../../context/gateway-context';
import { Account } from '../account/account.type';
import { crmObjectResolver } from '../common/crm-object-resolver.factory';
import { resolveParent } from '../common/resolve-parent';
import { OpportunityConnectionArgs } from './opportunity.args';
import {
  OPPORTUNITY_REQUIRED_FIELDS,
  OpportunityCreateInput,
  OpportunityUpdateInput,
} from './opportunity.inputs';
import { Opportunity, OpportunityConnection } from './opportunity.type';

@Resolver(() => Opportunity)
export class OpportunityResolver extends crmObjectResolver({
  sobject: 'Opportunity',
  singular: 'opportunity',
  plural: 'opportunities',
  type: Opportunity,
  connection: OpportunityConnection,
  connectionArgs: OpportunityConnectionArgs,
  createInput: OpportunityCreateInput,
  updateInput: OpportunityUpdateInput,
  requiredFields: OPPORTUNITY_REQUIRED_FIELDS,
}) {
  @FieldResolver(() => Account, {
    nullable: true,
    description:
      'The Opportunity’s Account (AccountId): read in the same SOQL query as the Opportunity, no extra call. Null without one or when the viewer cannot see it.',
  })
  account(
    @Root() opportunity: Opportunity,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return resolveParent<'Account'>(ctx, info, opportunity, 'account');
  }
}
