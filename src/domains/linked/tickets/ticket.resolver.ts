import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../../context/gateway-context';
import { Account } from '../../crm/account/account.type';
import { Contact } from '../../crm/contact/contact.type';
import { withGraphQLErrors } from '../../crm/common/graphql-errors';
import { ticketAccount, ticketContact, ticketRequesterEmail } from './ticket-links';
import { Ticket } from './ticket.type';

@Resolver(() => Ticket)
export class TicketResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: "The requester's email in Zendesk (lower case).",
  })
  requesterEmail(@Root() ticket: Ticket, @Ctx() ctx: GatewayContext) {
    return withGraphQLErrors(() => ticketRequesterEmail(ctx, ticket));
  }

  @FieldResolver(() => Account, {
    nullable: true,
    description:
      "The Account linked to the ticket's organization; null when none is (or the ticket has no organization).",
  })
  account(@Root() ticket: Ticket, @Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo) {
    return withGraphQLErrors(() => ticketAccount(ctx, info, ticket));
  }

  @FieldResolver(() => Contact, {
    nullable: true,
    description: "The Contact whose Email is the requester's; null when none is.",
  })
  contact(@Root() ticket: Ticket, @Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo) {
    return withGraphQLErrors(() => ticketContact(ctx, info, ticket));
  }
}
