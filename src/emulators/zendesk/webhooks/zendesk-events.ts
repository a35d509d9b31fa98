import { randomUUID } from 'node:crypto';
import type { WebhookSender } from '../../http-kit/webhook-sender';
import type { TicketChange } from '../model/ticket-changes';
import type { Ticket, User } from '../model/types';

/** The event schema version of ticket events (https://developer.zendesk.com/api-reference/webhooks/event-types/ticket-events/). */
export const ZENDESK_EVENT_VERSION = '2022-11-06';

/** What API handlers and the trigger report; each returns the event id, or undefined when not sent. */
export interface ZendeskEventSink {
  ticketCreated(ticket: Ticket, actor: User): string | undefined;
  ticketChanged(ticket: Ticket, change: TicketChange, actor: User): string | undefined;
}

const EVENT_NAMES: Record<TicketChange['kind'], string> = {
  status: 'status_changed',
  priority: 'priority_changed',
  subject: 'subject_changed',
  type: 'type_changed',
  agent_assignment: 'agent_assignment_changed',
  tags: 'tags_changed',
  comment: 'comment_added',
};

const idString = (id: number | null): string | null => (id === null ? null : String(id));
const upper = (value: string | null): string | null =>
  value === null ? null : value.toUpperCase();

/**
 * Zendesk event webhooks for tickets: `{type, account_id, id, time, zendesk_event_version,
 * subject, detail, event}`. Ids in `detail` are strings and enum values upper-case, as
 * Zendesk's ticket event payloads write them. One data change sends one event.
 */
export class ZendeskEvents implements ZendeskEventSink {
  constructor(
    private readonly sender: WebhookSender,
    private readonly accountId: number,
    private readonly clock: () => Date,
  ) {}

  ticketCreated(ticket: Ticket, actor: User): string | undefined {
    return this.publish('ticket.created', ticket, actor, {});
  }

  ticketChanged(ticket: Ticket, change: TicketChange, actor: User): string | undefined {
    return this.publish(
      `ticket.${EVENT_NAMES[change.kind]}`,
      ticket,
      actor,
      changeDetail(change, actor),
    );
  }

  private publish(
    name: string,
    ticket: Ticket,
    actor: User,
    event: Record<string, unknown>,
  ): string | undefined {
    if (!this.sender.target()) return undefined;
    const id = randomUUID();
    const sent = this.sender.send({
      type: `zen:event-type:${name}`,
      account_id: this.accountId,
      id,
      time: this.clock().toISOString(),
      zendesk_event_version: ZENDESK_EVENT_VERSION,
      subject: `zen:ticket:${ticket.id}`,
      detail: ticketDetail(ticket, actor),
      event: { ...event, meta: { sequence: { id: randomUUID(), position: 1, total: 1 } } },
    });
    return sent ? id : undefined;
  }
}

/** The ticket as a ticket event's `detail` carries it. */
export function ticketDetail(ticket: Ticket, actor: User): Record<string, unknown> {
  return {
    actor_id: String(actor.id),
    assignee_id: idString(ticket.assignee_id),
    brand_id: String(ticket.brand_id),
    created_at: ticket.created_at,
    custom_status: String(ticket.custom_status_id),
    description: ticket.description,
    external_id: ticket.external_id,
    form_id: idString(ticket.ticket_form_id),
    group_id: idString(ticket.group_id),
    id: String(ticket.id),
    is_public: ticket.is_public,
    organization_id: idString(ticket.organization_id),
    priority: upper(ticket.priority),
    requester_id: String(ticket.requester_id),
    status: ticket.status.toUpperCase(),
    subject: ticket.subject,
    submitter_id: String(ticket.submitter_id),
    tags: ticket.tags,
    type: upper(ticket.type),
    updated_at: ticket.updated_at,
    via: { channel: ticket.via.channel },
  };
}

function changeDetail(change: TicketChange, actor: User): Record<string, unknown> {
  switch (change.kind) {
    case 'status':
    case 'priority':
    case 'type':
      return { current: upper(change.current), previous: upper(change.previous) };
    case 'subject':
      return { current: change.current, previous: change.previous };
    case 'agent_assignment':
      return { current: idString(change.current), previous: idString(change.previous) };
    case 'tags':
      return {
        tags_added: change.current.filter((t) => !change.previous.includes(t)),
        tags_removed: change.previous.filter((t) => !change.current.includes(t)),
      };
    case 'comment':
      return {
        comment: {
          id: String(Date.now()),
          body: change.body,
          is_public: true,
          author: { id: String(actor.id), is_staff: actor.role !== 'end-user', name: actor.name },
        },
      };
  }
}
