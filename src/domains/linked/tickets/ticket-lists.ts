import type { GatewayContext } from '../../../context/gateway-context';
import type { ZendeskTicketRecord } from '../../../upstreams/zendesk';
import type { Account } from '../../crm/account/account.type';
import type { Contact } from '../../crm/contact/contact.type';
import type { ConnectionShape } from '../../shared/connection.types';
import { accountLinks, contactEmail } from '../account-links';
import { linkedConnection, type LinkedSortKey } from '../linked-connection';
import type { TicketConnectionArgs } from './ticket.args';
import { toTicket } from './ticket-mapper';
import type { Ticket, TicketOrigin } from './ticket.type';

/** The Account's Zendesk organization link (its own field only: no extra Salesforce call). */
async function organizationLink(
  ctx: GatewayContext,
  account: { id: string },
): Promise<string | null> {
  return (await accountLinks(ctx, account, 'zendesk')).zendeskOrganizationId;
}

function mapTickets(
  ctx: GatewayContext,
  records: readonly ZendeskTicketRecord[],
  origin: TicketOrigin,
): Ticket[] {
  const loaders = ctx.linked.zendesk;
  return records.flatMap(
    (record) => toTicket(record, loaders.agentTicketUrl(record.id), origin) ?? [],
  );
}

/**
 * Every ticket of the Account's Zendesk organization (link field, else the organization whose
 * `external_id` is the Account Id), from the page's one batched search export: `Account.tickets` and
 * the Customer360 roll-up share it.
 */
export async function accountTickets(ctx: GatewayContext, account: Account): Promise<Ticket[]> {
  const organizationId = await organizationLink(ctx, account);
  const records = await ctx.linked.zendesk.accountTickets.load({
    accountId: account.id,
    organizationId,
  });
  return mapTickets(ctx, records, { account });
}

/** Every ticket requested by the Zendesk user whose email is the Contact's. */
export async function contactTickets(ctx: GatewayContext, contact: Contact): Promise<Ticket[]> {
  const email = await contactEmail(ctx, contact);
  if (email === null) return [];
  const records = await ctx.linked.zendesk.requesterTickets.load(email);
  return mapTickets(ctx, records, { contact, requesterEmail: email });
}

/** Newest first; ties by number, padded so that 10 sorts after 9. */
function sortKey(ticket: Ticket): LinkedSortKey {
  return { time: ticket.createdAt.getTime(), id: String(ticket.number).padStart(12, '0') };
}

/** A page of tickets, filtered by `status` (absent or empty: all). */
export function ticketConnection(
  tickets: readonly Ticket[],
  args: TicketConnectionArgs,
): ConnectionShape<Ticket> {
  const statuses = args.status && args.status.length > 0 ? new Set(args.status) : undefined;
  const kept = statuses ? tickets.filter((t) => statuses.has(t.status)) : tickets;
  return linkedConnection('Ticket', kept, sortKey, { first: args.first, after: args.after });
}

/** `first`/`after` checked before any call: a bad argument is the client's error, not Zendesk's. */
export function assertTicketArgs(args: TicketConnectionArgs): void {
  ticketConnection([], args);
}

export function emptyTicketConnection(): ConnectionShape<Ticket> {
  return linkedConnection<Ticket>('Ticket', [], sortKey, { first: 0 });
}
