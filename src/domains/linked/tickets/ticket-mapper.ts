import type { ZendeskTicketRecord } from '../../../upstreams/zendesk';
import { Ticket, type TicketOrigin } from './ticket.type';
import { ticketPriorityFromZendesk, ticketStatusFromZendesk } from './ticket-status';

export const TICKET_ID_PREFIX = 'zendesk-ticket';

const SUBJECT_FROM_DESCRIPTION = 150;

/**
 * Tickets created by some channels (API, messaging) may have no subject; Zendesk's agent view
 * then shows the description's start, and so does the graph (subject is non-null).
 */
function subjectOf(record: ZendeskTicketRecord): string {
  const subject = record.subject ?? record.raw_subject ?? null;
  if (subject !== null && subject.trim() !== '') return subject;
  const firstLine = (record.description ?? '').trim().split('\n')[0] ?? '';
  return firstLine.slice(0, SUBJECT_FROM_DESCRIPTION);
}

/** The graph's Ticket, or undefined for a ticket that is not live (status `deleted`). */
export function toTicket(
  record: ZendeskTicketRecord,
  url: string | null,
  origin: TicketOrigin,
): Ticket | undefined {
  const status = ticketStatusFromZendesk(record.status);
  if (status === undefined) return undefined;
  return Object.assign(new Ticket(), {
    id: `${TICKET_ID_PREFIX}:${record.id}`,
    number: record.id,
    subject: subjectOf(record),
    description: record.description,
    status,
    priority: ticketPriorityFromZendesk(record.priority),
    createdAt: new Date(record.created_at),
    updatedAt: new Date(record.updated_at),
    url,
    organizationId: record.organization_id,
    requesterId: record.requester_id,
    origin,
  });
}
