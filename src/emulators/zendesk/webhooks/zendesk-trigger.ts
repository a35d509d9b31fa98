import type { TriggerReply } from '../../http-kit/admin-routes';
import type { SeededRandom } from '../../seed';
import {
  createTicket,
  parseTicketInput,
  TicketInvalid,
  updateTicket,
  type TicketInput,
} from '../model/ticket-changes';
import type { TicketStatus, User } from '../model/types';
import { DEMO_ZENDESK_ADMIN } from '../seed';
import { TICKET_SUBJECTS, ZENDESK_ONLY_ORGANIZATIONS } from '../seed/ticket-pools';
import type { ZendeskStore } from '../store/zendesk-store';
import type { ZendeskEventSink } from './zendesk-events';

/** Where the trigger moves a ticket when the body names no change: along the usual lifecycle. */
const NEXT_STATUS: Record<TicketStatus, TicketStatus | undefined> = {
  new: 'open',
  open: 'pending',
  pending: 'solved',
  hold: 'open',
  solved: 'open',
  closed: undefined,
};

const bad = (error: string, status = 400): TriggerReply => ({ status, body: { error } });

/**
 * `POST /__emulator/webhooks/trigger`. `{"ticketId": n}` updates that ticket (the body's
 * `status`, `priority`, `subject`, `comment`... or else its next status) and sends the event;
 * otherwise `{"organizationId"?: n}` opens a ticket for that organization (a random one
 * linked to Salesforce when omitted) and sends `ticket.created`. Answers `{id, type, eventId}`.
 */
export function triggerZendeskWebhook(
  store: ZendeskStore,
  events: ZendeskEventSink,
  rng: SeededRandom,
  now: Date,
  body: Record<string, unknown>,
): TriggerReply {
  const actor = store.user(DEMO_ZENDESK_ADMIN.id) as User;
  const { ticketId, organizationId, ...fields } = body;
  try {
    if (ticketId !== undefined) {
      const ticket = typeof ticketId === 'number' ? store.ticket(ticketId) : undefined;
      if (!ticket) return bad(`no ticket ${String(ticketId)}`, 404);
      const input = parseTicketInput(fields, store);
      if (Object.keys(input).length === 0) {
        const next = NEXT_STATUS[ticket.status];
        if (!next) return bad(`ticket ${ticket.id} is closed`, 422);
        input.status = next;
      }
      const change = updateTicket(ticket, input, now);
      if (!change) return bad('nothing to change');
      const eventId = events.ticketChanged(ticket, change, actor) ?? null;
      return { status: 200, body: { id: ticket.id, type: change.kind, eventId } };
    }
    const organization = pickOrganization(store, rng, organizationId);
    if (typeof organization === 'string')
      return bad(organization, organization.startsWith('no ') ? 404 : 400);
    const members = store.users().filter((u) => u.organization_id === organization);
    const subject = rng.pick(TICKET_SUBJECTS);
    const input: TicketInput = {
      subject,
      comment: `${subject}. Opened through the emulator's webhook trigger.`,
      priority: 'normal',
      organization_id: organization,
      requester_id: members.length > 0 ? rng.pick(members).id : actor.id,
      ...parseTicketInput(fields, store),
    };
    const ticket = createTicket(store, input, actor, now);
    const eventId = events.ticketCreated(ticket, actor) ?? null;
    return { status: 200, body: { id: ticket.id, type: 'created', eventId } };
  } catch (err) {
    if (err instanceof TicketInvalid) return bad(err.message, 422);
    throw err;
  }
}

function pickOrganization(
  store: ZendeskStore,
  rng: SeededRandom,
  requested: unknown,
): number | string {
  if (requested !== undefined) {
    if (typeof requested !== 'number') return 'organizationId must be a number';
    return store.organization(requested) ? requested : `no organization ${requested}`;
  }
  const internal: readonly string[] = ZENDESK_ONLY_ORGANIZATIONS;
  const linked = store.organizations().filter((o) => !internal.includes(o.name));
  return linked.length > 0 ? rng.pick(linked).id : 'no organizations';
}
