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
import { Contact } from '../contact/contact.type';
import { Opportunity } from '../opportunity/opportunity.type';
import { User } from '../user/user.type';
import { LeadConnectionArgs } from './lead.args';
import { LEAD_REQUIRED_FIELDS, LeadCreateInput, LeadUpdateInput } from './lead.inputs';
import { Lead, LeadConnection } from './lead.type';

@Resolver(() => Lead)
export class LeadResolver {
  @Query(() => Lead, { nullable: true })
  lead(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Lead | null> {
    return resolveById(ctx, info, 'Lead', id);
  }

  @Query(() => LeadConnection)
  leads(
    @Args(() => LeadConnectionArgs) args: LeadConnectionArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return resolveConnection(ctx, info, 'Lead', args);
  }

  @FieldResolver(() => Account, { nullable: true })
  convertedAccount(
    @Root() lead: Lead,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return resolveParent<'Account'>(ctx, info, lead, 'convertedAccount');
  }

  @FieldResolver(() => Contact, { nullable: true })
  convertedContact(
    @Root() lead: Lead,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return resolveParent<'Contact'>(ctx, info, lead, 'convertedContact');
  }

  @FieldResolver(() => Opportunity, { nullable: true })
  convertedOpportunity(
    @Root() lead: Lead,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return resolveParent<'Opportunity'>(ctx, info, lead, 'convertedOpportunity');
  }

  @FieldResolver(() => User, { nullable: true })
  owner(@Root() lead: Lead, @Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo) {
    return resolveParent<'User'>(ctx, info, lead, 'owner');
  }

  @Mutation(() => Lead)
  createLead(
    @Arg('input', () => LeadCreateInput) input: LeadCreateInput,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Lead> {
    return createRecord(ctx, info, 'Lead', toRecordPayload('Lead', input, LEAD_REQUIRED_FIELDS));
  }

  @Mutation(() => Lead)
  updateLead(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => LeadUpdateInput) input: LeadUpdateInput,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Lead> {
    return updateRecord(ctx, info, 'Lead', id, () =>
      toRecordPayload('Lead', input, LEAD_REQUIRED_FIELDS),
    );
  }

  @Mutation(() => ID)
  deleteLead(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext): Promise<string> {
    return deleteRecord(ctx, 'Lead', id);
  }
}
