import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../../context/gateway-context';
import { Account } from '../../crm/account/account.type';
import { withGraphQLErrors } from '../../crm/common/graphql-errors';
import { toNode } from '../../crm/common/node-types';
import { loadNode } from '../../crm/common/resolve-by-id';
import { selectedFields } from '../../crm/common/selected-fields';
import { Payment } from './payment.type';

/** An Account Id as Stripe metadata may hold it (15 or 18 characters, Account key prefix). */
const ACCOUNT_ID = /^001[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$/;

@Resolver(() => Payment)
export class PaymentResolver {
  @FieldResolver(() => Account, {
    nullable: true,
    description:
      "The Salesforce Account: the one the payment was listed under; else the Account whose link field holds the payment's customer; else the Account Id in the customer's metadata. Null when none is visible.",
  })
  async account(
    @Root() payment: Payment,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Account | null> {
    if (payment.accountId !== null) return loadNode(ctx, info, 'Account', payment.accountId);
    const fields = selectedFields(info, 'Account', false, ctx.linkFields);
    const linked = await withGraphQLErrors(() =>
      ctx.loaders.salesforce
        .recordByField('Account', ctx.linkFields.stripeCustomer, fields)
        .load(payment.stripeCustomerId),
    );
    if (linked) return toNode('Account', linked);
    const customer = await withGraphQLErrors(() =>
      ctx.linked.stripe.customer.load(payment.stripeCustomerId),
    );
    const accountId = customer?.accountId;
    return accountId && ACCOUNT_ID.test(accountId)
      ? loadNode(ctx, info, 'Account', accountId)
      : null;
  }
}
