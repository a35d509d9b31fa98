import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../../context/gateway-context';
import { Account } from '../../crm/account/account.type';
import { Contact } from '../../crm/contact/contact.type';
import { answerDespiteLinkedFailure } from '../partial-failure';
import { TicketConnectionArgs } from './ticket.args';
import {
  accountTickets,
  assertTicketArgs,
  contactTickets,
  emptyTicketConnection,
  ticketConnection,
} from './ticket-lists';
import { TicketConnection, type Ticket } from './ticket.type';

/** Either owner's tickets as a page: arguments checked first, empty with an error on failure. */
function ticketsField(
  ctx: GatewayContext,
  info: GraphQLResolveInfo,
  args: TicketConnectionArgs,
  load: () => Promise<Ticket[]>,
) {
  assertTicketArgs(args);
  return answerDespiteLinkedFailure(
    ctx,
    info,
    async () => ticketConnection(await load(), args),
    emptyTicketConnection,
  );
}

@Resolver(() => Account)
export class AccountTicketsResolver {
  @FieldResolver(() => TicketConnection, {
    description:
      "The Zendesk tickets of the Account's organization (link field, else the organization whose external_id is the Account Id), newest first. Batched across the page's Accounts: one ticket search export for all their organizations (after one organization lookup for Accounts without a link field), not a call per Account. Empty, with an error on this path, when Zendesk cannot answer.",
  })
  tickets(
    @Root() account: Account,
    @Args(() => TicketConnectionArgs) args: TicketConnectionArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return ticketsField(ctx, info, args, () => accountTickets(ctx, account));
  }
}

@Resolver(() => Contact)
export class ContactTicketsResolver {
  @FieldResolver(() => TicketConnection, {
    description:
      "The Zendesk tickets whose requester's email is the Contact's, newest first. Batched across the page's Contacts: one user lookup by email, then one ticket export for all their requesters. Empty, with an error on this path, when Zendesk cannot answer.",
  })
  tickets(
    @Root() contact: Contact,
    @Args(() => TicketConnectionArgs) args: TicketConnectionArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return ticketsField(ctx, info, args, () => contactTickets(ctx, contact));
  }
}
