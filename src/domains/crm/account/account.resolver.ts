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
  @FieldResolver(() => Account, {
    nullable: true,
    description:
      'The parent Account (ParentId): read in the same SOQL query as this Account, no extra call. Null without a parent or when the viewer cannot see it.',
  })
  parent(@Root() account: Account, @Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo) {
    return resolveParent<'Account'>(ctx, info, account, 'parent');
  }

  @FieldResolver(() => ContactConnection, {
    description:
      "The Account's Contacts the viewer can see. First pages of every Account of a page are read together: one SOQL query (parent and subquery) per batch of up to 200 Accounts, not one per Account; a page `after` a cursor is one query of its own.",
  })
  contacts(
    @Root() account: Account,
    @Args(() => ContactConnectionArgs) args: ContactConnectionArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return resolveChildren<'Contact'>(ctx, info, account, 'contacts', args);
  }

  @FieldResolver(() => OpportunityConnection, {
    description:
      "The Account's Opportunities the viewer can see, batched like `contacts`: one SOQL query per batch of up to 200 Accounts for first pages, one per page after a cursor.",
  })
  opportunities(
    @Root() account: Account,
    @Args(() => OpportunityConnectionArgs) args: OpportunityConnectionArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return resolveChildren<'Opportunity'>(ctx, info, account, 'opportunities', args);
  }
}
