import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Resolver, Root, Subscription } from 'type-graphql';
import type { GatewayContext } from '../../context/gateway-context';
import { InternalServerError } from '../../errors';
import type { LinkedChange } from '../../live/linked-changes';
import type { Topic } from '../../live/topics';
import type { StripePaymentRecord } from '../../upstreams/stripe';
import type { ZendeskTicketRecord } from '../../upstreams/zendesk';
import { toDomainInvoice } from '../linked/invoices/invoice-mapper';
import { Invoice } from '../linked/invoices/invoice.type';
import { toPayment } from '../linked/payments/payment.mapper';
import { Payment } from '../linked/payments/payment.type';
import { toTicket } from '../linked/tickets/ticket-mapper';
import { Ticket } from '../linked/tickets/ticket.type';
import {
  invoiceChangedTopic,
  paymentReceivedTopic,
  ticketChangedTopic,
  type PublishedInvoice,
} from '../linked/webhook-events';
import { LinkedChangeStream } from './linked-change-stream';
import { SlowConsumerGuard } from './slow-consumer-guard';
import { freshLoaders, requireLive, subscriberAccessOf } from './subscription-context';
import { parseSubscriptionIds } from './subscription-ids';

interface SubscribeData {
  args: { accountId?: string | null };
  context: GatewayContext;
  info: GraphQLResolveInfo;
}

/** The subscribe function of a linked-change field: its topic, the account filter, access. */
function linkedChanges<R>(topic: Topic<LinkedChange<R>>) {
  return async ({ args, context, info }: SubscribeData): Promise<LinkedChangeStream<R>> => {
    const live = requireLive(context);
    // Before listening: a malformed Id is refused at once rather than never matching.
    const [accountId = null] =
      parseSubscriptionIds(
        args.accountId === null || args.accountId === undefined ? null : [args.accountId],
        'accountId',
        ['ACCOUNT'],
      ) ?? [];
    const source = await live.listen([topic], { upstream: false });
    return new LinkedChangeStream({
      source: new SlowConsumerGuard(source, context.connection),
      accountId,
      access: subscriberAccessOf(context, info.schema),
      accessFilter: live.accessFilter,
    });
  };
}

const ACCOUNT_ID_DESCRIPTION =
  'Only this Account; without it, every Account you can see in Salesforce.';

/**
 * The linked services' webhooks, pushed over graphql-ws through the same live-changes core as
 * CDC. The receiver resolved each event's Account once; every subscriber gets only events of
 * Accounts it can see in Salesforce (checked as itself, like CDC changes).
 */
@Resolver()
export class LinkedChangesResolver {
  @Subscription(() => Payment, {
    subscribe: linkedChanges(paymentReceivedTopic),
    description:
      'A Stripe payment succeeded (webhook `payment_intent.succeeded`) for a customer linked to an Account you can see.',
  })
  paymentReceived(
    @Root() change: LinkedChange<StripePaymentRecord>,
    @Ctx() ctx: GatewayContext,
    @Arg('accountId', () => ID, { nullable: true, description: ACCOUNT_ID_DESCRIPTION })
    _accountId: string | null,
  ): Payment {
    freshLoaders(ctx);
    const { record } = change;
    if (record.customerId === null) throw new InternalServerError('A payment without customer');
    return toPayment({ ...record, customerId: record.customerId }, change.accountId);
  }

  @Subscription(() => Ticket, {
    subscribe: linkedChanges(ticketChangedTopic),
    description:
      'A Zendesk ticket was created or changed (webhook `zen:event-type:ticket.*`) in an organization linked to an Account you can see.',
  })
  ticketChanged(
    @Root() change: LinkedChange<ZendeskTicketRecord>,
    @Ctx() ctx: GatewayContext,
    @Arg('accountId', () => ID, { nullable: true, description: ACCOUNT_ID_DESCRIPTION })
    _accountId: string | null,
  ): Ticket {
    freshLoaders(ctx);
    const ticket = toTicket(change.record, ctx.linked.zendesk.agentTicketUrl(change.record.id), {});
    if (!ticket) throw new InternalServerError('A ticket that is not live was published');
    return ticket;
  }

  @Subscription(() => Invoice, {
    subscribe: linkedChanges(invoiceChangedTopic),
    description:
      'A QuickBooks invoice was created, updated, voided or emailed (webhook Invoice Create/Update/Void/Emailed) for a customer linked to an Account you can see.',
  })
  invoiceChanged(
    @Root() change: LinkedChange<PublishedInvoice>,
    @Ctx() ctx: GatewayContext,
    @Arg('accountId', () => ID, { nullable: true, description: ACCOUNT_ID_DESCRIPTION })
    _accountId: string | null,
  ): Invoice {
    freshLoaders(ctx);
    return toDomainInvoice(change.record.invoice, change.record.realmId, null);
  }
}
