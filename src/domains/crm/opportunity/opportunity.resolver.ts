import type { GraphQLResolveInfo } from 'graphql';
import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  ID,
  Info,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { GatewayContext } from '../../../server/context';
import { resolveById } from '../common/resolve-by-id';
import { resolveConnection } from '../common/resolve-connection';
import { resolveParent } from '../common/resolve-parent';
import { createRecord, deleteRecord, updateRecord } from '../common/record-writes';
import { toRecordPayload } from '../common/record-payload';
import { Account } from '../account/account.type';
import { User } from '../user/user.type';
import { OpportunityConnectionArgs } from './opportunity.args';
import {
  OPPORTUNITY_REQUIRED_FIELDS,
  OpportunityCreateInput,
  OpportunityUpdateInput,
} from './opportunity.inputs';
import { Opportunity, OpportunityConnection } from './opportunity.type';

@Resolver(() => Opportunity)
export class OpportunityResolver {
  @Query(() => Opportunity, { nullable: true })
  opportunity(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Opportunity | null> {
    return resolveById(ctx, info, 'Opportunity', id);
  }

  @Query(() => OpportunityConnection)
  opportunities(
    @Args(() => OpportunityConnectionArgs) args: OpportunityConnectionArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return resolveConnection(ctx, info, 'Opportunity', args);
  }

  @FieldResolver(() => Account, { nullable: true })
  account(
    @Root() opportunity: Opportunity,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return resolveParent<'Account'>(ctx, info, opportunity, 'account');
  }

  @FieldResolver(() => User, { nullable: true })
  owner(
    @Root() opportunity: Opportunity,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return resolveParent<'User'>(ctx, info, opportunity, 'owner');
  }

  @Mutation(() => Opportunity)
  createOpportunity(
    @Arg('input', () => OpportunityCreateInput) input: OpportunityCreateInput,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Opportunity> {
    return createRecord(
      ctx,
      info,
      'Opportunity',
      toRecordPayload('Opportunity', input, OPPORTUNITY_REQUIRED_FIELDS),
    );
  }

  @Mutation(() => Opportunity)
  updateOpportunity(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => OpportunityUpdateInput) input: OpportunityUpdateInput,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Opportunity> {
    return updateRecord(ctx, info, 'Opportunity', id, () =>
      toRecordPayload('Opportunity', input, OPPORTUNITY_REQUIRED_FIELDS),
    );
  }

  @Mutation(() => ID)
  deleteOpportunity(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext): Promise<string> {
    return deleteRecord(ctx, 'Opportunity', id);
  }
}
