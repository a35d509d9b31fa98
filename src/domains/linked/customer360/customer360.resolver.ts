import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../../context/gateway-context';
import { toGraphQLError } from '../../../errors';
import { LinkedServiceError } from '../../../upstreams/linked';
import { Account } from '../../crm/account/account.type';
import { withGraphQLErrors } from '../../crm/common/graphql-errors';
import { isFieldSelected } from '../../shared/selection';
import { accountInvoices } from '../invoices/account-invoices.resolver';
import { reportLinkedFailure } from '../partial-failure';
import { accountPayments } from '../payments/account-payments';
import { accountTickets } from '../tickets/ticket-lists';
import { LinkedService } from './account-health.enum';
import { rollUpCustomer360 } from './customer360-rollup';
import { Customer360 } from './customer360.type';

/** Which Customer360 fields need which source: unselected sources are never called. */
const NEEDS = {
  stripe: ['lifetimePayments', 'lifetimePaymentsByCurrency', 'lastPaymentAt', 'health'],
  zendesk: ['openTicketCount', 'urgentTicketCount', 'health'],
  quickbooks: [
    'openInvoiceBalance',
    'openInvoiceBalanceByCurrency',
    'overdueInvoiceCount',
    'health',
  ],
  salesforce: ['openPipelineAmount', 'wonAmount'],
} as const;

const SERVICE_ENUM = {
  stripe: LinkedService.STRIPE,
  zendesk: LinkedService.ZENDESK,
  quickbooks: LinkedService.QUICKBOOKS,
} as const;

@Resolver(() => Account)
export class AccountCustomer360Resolver {
  /**
   * One account across the four services. Reads the same batched loaders as `payments`,
   * `tickets` and `invoices` (selecting both costs no extra call), only for the figures
   * selected; a failed service leaves its figures at zero, is listed in
   * `unavailableServices` and reported on this field's path, and the rest still answers.
   */
  @FieldResolver(() => Customer360, {
    description:
      'Payments, invoices, tickets and pipeline of this account rolled up; see Customer360 and AccountHealth for the rules.',
  })
  async customer360(
    @Root() account: Account,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Customer360> {
    const wants = (source: keyof typeof NEEDS): boolean =>
      isFieldSelected(info, ['unavailableServices']) ||
      NEEDS[source].some((field) => isFieldSelected(info, [field]));
    const unavailable: LinkedService[] = [];
    const linked = async <T>(
      service: 'stripe' | 'zendesk' | 'quickbooks',
      load: () => Promise<T>,
    ): Promise<T | undefined> => {
      if (!wants(service)) return undefined;
      try {
        return await load();
      } catch (err) {
        if (!(err instanceof LinkedServiceError)) throw toGraphQLError(err);
        unavailable.push(SERVICE_ENUM[service]);
        reportLinkedFailure(ctx, info, err);
        return undefined;
      }
    };
    const [payments, tickets, invoices, opportunities] = await Promise.all([
      linked('stripe', () => accountPayments(ctx, account)),
      linked('zendesk', () => accountTickets(ctx, account)),
      linked('quickbooks', () => accountInvoices(ctx, account)),
      wants('salesforce')
        ? withGraphQLErrors(() => ctx.loaders.salesforce.opportunityTotals().load(account.id))
        : Promise.resolve(undefined),
    ]);
    return rollUpCustomer360({
      ...(payments ? { payments } : {}),
      ...(tickets ? { tickets } : {}),
      ...(invoices ? { invoices } : {}),
      ...(opportunities ? { opportunities } : {}),
      unavailable: Object.values(SERVICE_ENUM).filter((s) => unavailable.includes(s)),
      now: new Date(),
    });
  }
}
