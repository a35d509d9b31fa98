import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../../context/gateway-context';
import { toGraphQLError } from '../../../errors';
import { Account } from '../../crm/account/account.type';
import type { ConnectionShape } from '../../shared/connection.types';
import { linkedConnection } from '../linked-connection';
import { answerDespiteLinkedFailure } from '../partial-failure';
import { AccountPaymentsArgs } from './account-payments.args';
import { accountPayments } from './account-payments';
import { paymentSortKey } from './payment.mapper';
import { PaymentConnection, type Payment } from './payment.type';

const KIND = 'Payment';

@Resolver(() => Account)
export class AccountPaymentsResolver {
  @FieldResolver(() => PaymentConnection, {
    description:
      "The Account's Stripe payments, newest first: of the customer in its link field (Stripe_Customer_Id__c by default), else of every customer whose metadata holds the Account Id. Batched across the page's Accounts: one PaymentIntent search per 10 customers (plus one customer search per 10 Accounts without a link field), in parallel, not a call per Account. When Stripe fails, empty with an error on this path.",
  })
  async payments(
    @Root() account: Account,
    @Args(() => AccountPaymentsArgs) args: AccountPaymentsArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionShape<Payment>> {
    const page = { first: args.first ?? null, after: args.after ?? null };
    // Bad `first`/`after` are the client's mistake whatever Stripe says: checked before calling it.
    const empty = () => linkedConnection<Payment>(KIND, [], paymentSortKey, page);
    try {
      empty();
    } catch (err) {
      throw toGraphQLError(err);
    }
    const statuses = args.status ? new Set(args.status) : undefined;
    return answerDespiteLinkedFailure(
      ctx,
      info,
      async () => {
        const payments = await accountPayments(ctx, account);
        const matching = statuses ? payments.filter((p) => statuses.has(p.status)) : payments;
        return linkedConnection(KIND, matching, paymentSortKey, page);
      },
      empty,
    );
  }
}
