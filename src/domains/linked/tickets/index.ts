import { AccountTicketsResolver, ContactTicketsResolver } from './ticket-connections.resolver';
import { TicketResolver } from './ticket.resolver';

export { accountTickets } from './ticket-lists';
export { Ticket, TicketConnection, TicketEdge } from './ticket.type';
export { TicketPriority, TicketStatus } from './ticket-status';

/** Zendesk on the graph: `Account.tickets`, `Contact.tickets` and `Ticket`'s links. */
export const ticketResolvers = [AccountTicketsResolver, ContactTicketsResolver, TicketResolver];
