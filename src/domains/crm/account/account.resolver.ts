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
import { resolveChildren } from '../common/resolve-children';
import { resolveConnection } from '../common/resolve-connection';
import { resolveParent } from '../common/resolve-parent';
import { createRecord, deleteRecord, updateRecord } from '../common/record-writes';
import { toRecordPayload } from '../common/record-payload';
import { ContactConnectionArgs } from '../contact/contact.args';
import { ContactConnection } from '../contact/contact.type';
import { OpportunityConnectionArgs } from '../opportunity/opportunity.args';
import { OpportunityConnection } from '../opportunity/opportunity.type';
import { User } from '../user/user.type';
import { AccountConnectionArgs } from './account.args';
import { ACCOUNT_REQUIRED_FIELDS, AccountCreateInput, AccountUpdateInput } from './account.inputs';
import { Account, AccountConnection } from './account.type';

@Resolver(() => Account)
export class AccountResolver {
  @Query(() => Account, { nullable: true })
  account(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Account | null> {
    return resolveById(ctx, info, 'Account', id);
  }

  @Query(() => AccountConnection)
  accounts(
    @Args(() => AccountConnectionArgs) args: AccountConnectionArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return resolveConnection(ctx, info, 'Account', args);
  }

  @FieldResolver(() => Account, { nullable: true })
  parent(@Root() account: Account, @Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo) {
    return resolveParent<'Account'>(ctx, info, account, 'parent');
  }

  @FieldResolver(() => User, { nullable: true })
  owner(@Root() account: Account, @Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo) {
    return resolveParent<'User'>(ctx, info, account, 'owner');
  }

  @FieldResolver(() => ContactConnection)
  contacts(
    @Root() account: Account,
    @Args(() => ContactConnectionArgs) args: ContactConnectionArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return resolveChildren<'Contact'>(ctx, info, account, 'contacts', args);
  }

  @FieldResolver(() => OpportunityConnection)
  opportunities(
    @Root() account: Account,
    @Args(() => OpportunityConnectionArgs) args: OpportunityConnectionArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return resolveChildren<'Opportunity'>(ctx, info, account, 'opportunities', args);
  }

  @Mutation(() => Account)
  createAccount(
    @Arg('input', () => AccountCreateInput) input: AccountCreateInput,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Account> {
    return createRecord(
      ctx,
      info,
      'Account',
      toRecordPayload('Account', input, ACCOUNT_REQUIRED_FIELDS),
    );
  }

  @Mutation(() => Account)
  updateAccount(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => AccountUpdateInput) input: AccountUpdateInput,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Account> {
    return updateRecord(ctx, info, 'Account', id, () =>
      toRecordPayload('Account', input, ACCOUNT_REQUIRED_FIELDS),
    );
  }

  @Mutation(() => ID)
  deleteAccount(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext): Promise<string> {
    return deleteRecord(ctx, 'Account', id);
  }
}
