import { Arg, Ctx, FieldResolver, Info, Int, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { GatewayContext } from '../../../context/gateway-context';
import { Account } from '../../crm/account/account.type';
import type { ConnectionShape } from '../../shared/connection.types';
import { accountLinks } from '../account-links';
import { linkedConnection } from '../linked-connection';
import { answerDespiteLinkedFailure } from '../partial-failure';
import { InvoiceStatus } from './invoice-status';
import { invoiceSortKey, toDomainInvoice } from './invoice-mapper';
import { Invoice, InvoiceConnection } from './invoice.type';

const EMPTY_PAGE: ConnectionShape<Invoice> = {
  edges: [],
  nodes: [],
  pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
  totalCount: 0,
};

/**
 * Every QuickBooks invoice of the account (ARCHITECTURE.md "Linking the services": the customer
 * in the Account's link field, else the customer whose DisplayName is the Account Name). All
 * accounts of a page share one batched call (`invoicesByAccount`), and so does the Customer360
 * roll-up: selecting both costs nothing more. Throws LinkedServiceError when QuickBooks fails.
 */
export async function accountInvoices(ctx: GatewayContext, account: Account): Promise<Invoice[]> {
  const links = await accountLinks(ctx, account, 'quickbooks');
  if (links.quickBooksCustomerId === null && links.name === null) return [];
  const loaders = ctx.linked.quickbooks;
  const found = await loaders.invoicesByAccount.load({
    customerId: links.quickBooksCustomerId,
    displayName: links.quickBooksCustomerId === null ? links.name : null,
  });
  const realmId = loaders.realmId();
  return found.invoices.map((record) => toDomainInvoice(record, realmId, account));
}

@Resolver(() => Account)
export class AccountInvoicesResolver {
  @FieldResolver(() => InvoiceConnection, {
    description:
      "The account's QuickBooks Online invoices, newest TxnDate first. Linked through the Account's QuickBooks customer id field, else the customer whose DisplayName equals the Account Name; none linked: empty. Batched across the page's Accounts: one customer query for the Accounts found by name, then one invoice query for all their customers (split only when too long, paged past 1,000 rows). When QuickBooks fails the connection is empty and the error is reported on this field's path.",
  })
  invoices(
    @Root() account: Account,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('first', () => Int, {
      nullable: true,
      defaultValue: 20,
      description:
        'Invoices per page, 0 to 200 (default 20); anything else is BAD_USER_INPUT, before QuickBooks is called.',
    })
    first: number | null,
    @Arg('after', () => String, {
      nullable: true,
      description:
        'The `endCursor` of the previous page; a cursor of another list is BAD_USER_INPUT.',
    })
    after: string | null,
    @Arg('status', () => [InvoiceStatus], {
      nullable: true,
      description: 'Only invoices in one of these statuses.',
    })
    status: InvoiceStatus[] | null,
  ): Promise<ConnectionShape<Invoice>> {
    const args = { first, after };
    // Bad `first`/`after` are the caller's mistake whether or not QuickBooks answers.
    linkedConnection('invoice', [], invoiceSortKey, args);
    return answerDespiteLinkedFailure(
      ctx,
      info,
      async () => {
        const invoices = await accountInvoices(ctx, account);
        const wanted = status && status.length > 0 ? new Set(status) : null;
        const kept = wanted ? invoices.filter((i) => wanted.has(i.status)) : invoices;
        return linkedConnection('invoice', kept, invoiceSortKey, args);
      },
      () => EMPTY_PAGE,
    );
  }
}
