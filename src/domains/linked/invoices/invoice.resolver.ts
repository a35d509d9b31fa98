import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../../context/gateway-context';
import { Account } from '../../crm/account/account.type';
import { withGraphQLErrors } from '../../crm/common/graphql-errors';
import { toNode } from '../../crm/common/node-types';
import { originOf } from '../../crm/common/record-mapper';
import { loadNode } from '../../crm/common/resolve-by-id';
import { selectedFields } from '../../crm/common/selected-fields';
import { Invoice } from './invoice.type';

function hasText(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

@Resolver(() => Invoice)
export class InvoiceResolver {
  @FieldResolver(() => Account, {
    nullable: true,
    description:
      "The Salesforce Account billed: the one it was reached through; else the Account whose QuickBooks customer id field holds the invoice's customer; else the unlinked Account whose Name is the customer's DisplayName; null when none.",
  })
  account(
    @Root() invoice: Invoice,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Account | null> {
    const fields = selectedFields(info, 'Account', false, ctx.linkFields);
    const known = invoice.reachedThrough;
    if (known) {
      // The Account's own query may not have selected what this selection asks for.
      const record = originOf(known).record;
      if (fields.every((field) => field in record)) return Promise.resolve(known);
      return loadNode(ctx, info, 'Account', known.id);
    }
    return withGraphQLErrors(async () => {
      const linkField = ctx.linkFields.quickBooksCustomer;
      const withLink = fields.includes(linkField) ? fields : [...fields, linkField];
      const accounts = ctx.loaders.salesforce;
      const linked = await accounts
        .recordByField('Account', linkField, withLink)
        .load(invoice.quickBooksCustomerId);
      if (linked) return toNode('Account', linked);
      // QBO sends the customer's DisplayName with every CustomerRef.
      if (invoice.customerDisplayName === null) return null;
      const named = await accounts
        .recordByField('Account', 'Name', withLink)
        .load(invoice.customerDisplayName);
      // An Account with a link of its own bills another customer, whatever its name.
      if (!named || hasText(named[linkField])) return null;
      return toNode('Account', named);
    });
  }
}
