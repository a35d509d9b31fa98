import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../../context/gateway-context';
import { crmObjectResolver } from '../common/crm-object-resolver.factory';
import { resolveChildren } from '../common/resolve-children';
import { resolveParent } from '../common/resolve-parent';
import { ContactConnectionArgs } from '../contact/contact.args';
import { ContactConnection } from '../contact/contact.type';
import { OpportunityConnectionArgs } from '../opportunity/opportunity.args';
import { OpportunityConnection } from '../opportunity/opportunity.type';
import { AccountConnectionArgs } from './account.args';
import { ACCOUNT_REQUIRED_FIELDS, AccountCreateInput, AccountUpdateInput } from './account.inputs';
import { Account, AccountConnection } from './account.type';

@Resolver(() => Account)
export class AccountResolver extends crmObjectResolver({
  sobject: 'Account',
  singular: 'account',
  plural: 'accounts',
  type: Account,
  connection: AccountConnection,
  connectionArgs: AccountConnectionArgs,
  createInput: AccountCreateInput,
  updateInput: AccountUpdateInput,
  requiredFields: ACCOUNT_REQUIRED_FIELDS,
}) {
  @FieldResolver(() => Account, { nullable: true })
  parent(@Root() account: Account, @Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo) {
    return resolveParent<'Account'>(ctx, info, account, 'parent');
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
}
