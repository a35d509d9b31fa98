import { ticketRecord, zendeskTime } from '../seed/record-factory';
import { CUSTOM_STATUS_IDS, SUPPORT_GROUP_ID } from '../seed/ticket-pools';
import type { ZendeskStore } from '../store/zendesk-store';
import {
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  TICKET_TYPES,
  type Ticket,
  type TicketPriority,
  type TicketStatus,
  type TicketType,
  type User,
} from './types';

/** The writable ticket fields of `POST /tickets` and `PUT /tickets/:id` (`{"ticket": {...}}`). */
export interface TicketInput {
  subject?: string;
  /** The first comment is the description; later ones are comments. */
  comment?: string;
  status?: TicketStatus;
  priority?: TicketPriority | null;
  type?: TicketType | null;
  tags?: string[];
  requester_id?: number;
  organization_id?: number | null;
  assignee_id?: number | null;
}

/** Which attribute one update changed, most telling first; what its event is named after. */
export type TicketChange =
  | { kind: 'status'; previous: TicketStatus; current: TicketStatus }
  | { kind: 'priority'; previous: TicketPriority | null; current: TicketPriority | null }
  | { kind: 'subject'; previous: string; current: string }
  | { kind: 'type'; previous: TicketType | null; current: TicketType | null }
  | { kind: 'agent_assignment'; previous: number | null; current: number | null }
  | { kind: 'tags'; previous: string[]; current: string[] }
  | { kind: 'comment'; body: string };

/** Zendesk's `RecordInvalid` details: attribute → message. */
export class TicketInvalid extends Error {
  constructor(readonly details: Record<string, string>) {
    super(Object.values(details).join('; '));
  }
}

/** Validates a request's `ticket` object against the account's records. */
export function parseTicketInput(value: unknown, store: ZendeskStore): TicketInput {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new TicketInvalid({ ticket: 'Ticket: is required' });
  const raw = value as Record<string, unknown>;
  const errors: Record<string, string> = {};
  const input: TicketInput = {};
  const text = (key: string): string | undefined => {
    const v = raw[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'string') errors[key] = `${label(key)}: is invalid`;
    return typeof v === 'string' ? v : undefined;
  };
  const oneOf = <T extends string>(key: string, allowed: readonly T[]): T | null | undefined => {
    const v = raw[key];
    if (v === undefined || v === null) return v;
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    errors[key] = `${label(key)}: is not valid`;
    return undefined;
  };
  input.subject = text('subject');
  const comment = raw.comment;
  if (comment !== undefined) {
    const body =
      typeof comment === 'object' && comment !== null
        ? (comment as { body?: unknown; html_body?: unknown }).body
        : undefined;
    if (typeof body !== 'string') errors.comment = 'Comment: body is required';
    else input.comment = body;
  }
  const status = oneOf('status', TICKET_STATUSES);
  if (status === null) errors.status = 'Status: is not valid';
  else input.status = status;
  input.priority = oneOf('priority', TICKET_PRIORITIES);
  input.type = oneOf('type', TICKET_TYPES);
  if (raw.tags !== undefined) {
    if (!Array.isArray(raw.tags) || raw.tags.some((t) => typeof t !== 'string'))
      errors.tags = 'Tags: is invalid';
    else input.tags = [...new Set(raw.tags as string[])];
  }
  const id = (key: string, exists: (n: number) => boolean, nullable: boolean) => {
    const v = raw[key];
    if (v === undefined || (v === null && nullable)) return v as null | undefined;
    if (typeof v !== 'number' || !exists(v)) {
      errors[key] = `${label(key)}: is invalid`;
      return undefined;
    }
    return v;
  };
  const requester = id('requester_id', (n) => store.user(n) !== undefined, false);
  if (requester !== null) input.requester_id = requester;
  input.organization_id = id('organization_id', (n) => store.organization(n) !== undefined, true);
  input.assignee_id = id(
    'assignee_id',
    (n) => (store.user(n)?.role ?? 'end-user') !== 'end-user',
    true,
  );
  if (Object.keys(errors).length > 0) throw new TicketInvalid(errors);
  for (const key of Object.keys(input) as Array<keyof TicketInput>)
    if (input[key] === undefined) delete input[key];
  return input;
}

/** A new ticket as `POST /tickets` makes it: the comment is its description. */
export function createTicket(
  store: ZendeskStore,
  input: TicketInput,
  actor: User,
  now: Date,
): Ticket {
  if (input.comment === undefined || input.comment.trim() === '')
    throw new TicketInvalid({ description: 'Description: cannot be blank' });
  const requesterId = input.requester_id ?? actor.id;
  const requester = store.user(requesterId);
  const assigneeId = input.assignee_id ?? null;
  const ticket = store.addTicket({
    ...ticketRecord({
      subject: input.subject ?? input.comment.slice(0, 80),
      description: input.comment,
      // Zendesk opens a ticket that has an assignee.
      status: input.status ?? (assigneeId === null ? 'new' : 'open'),
      priority: input.priority ?? null,
      type: input.type ?? null,
      requesterId,
      assigneeId,
      organizationId:
        input.organization_id !== undefined
          ? input.organization_id
          : (requester?.organization_id ?? null),
      createdMs: now.getTime(),
      updatedMs: now.getTime(),
      dueMs: null,
      tags: input.tags ?? [],
      channel: 'api',
    }),
  });
  ticket.submitter_id = actor.id;
  return ticket;
}

/**
 * Applies an update; the most telling change (status, then priority, subject, type,
 * assignee, tags, then a comment), or undefined when nothing changed. A closed ticket is
 * read-only, as in Zendesk.
 */
export function updateTicket(
  ticket: Ticket,
  input: TicketInput,
  now: Date,
): TicketChange | undefined {
  if (ticket.status === 'closed')
    throw new TicketInvalid({ status: 'Status: closed prevents ticket update' });
  const changes: TicketChange[] = [];
  if (input.status !== undefined && input.status !== ticket.status) {
    changes.push({ kind: 'status', previous: ticket.status, current: input.status });
    ticket.status = input.status;
    ticket.custom_status_id = CUSTOM_STATUS_IDS[input.status];
  }
  if (input.priority !== undefined && input.priority !== ticket.priority) {
    changes.push({ kind: 'priority', previous: ticket.priority, current: input.priority });
    ticket.priority = input.priority;
  }
  if (input.subject !== undefined && input.subject !== ticket.subject) {
    changes.push({ kind: 'subject', previous: ticket.subject, current: input.subject });
    ticket.subject = input.subject;
    ticket.raw_subject = input.subject;
  }
  if (input.type !== undefined && input.type !== ticket.type) {
    changes.push({ kind: 'type', previous: ticket.type, current: input.type });
    ticket.type = input.type;
  }
  if (input.assignee_id !== undefined && input.assignee_id !== ticket.assignee_id) {
    changes.push({
      kind: 'agent_assignment',
      previous: ticket.assignee_id,
      current: input.assignee_id,
    });
    ticket.assignee_id = input.assignee_id;
    ticket.group_id = input.assignee_id === null ? null : SUPPORT_GROUP_ID;
  }
  if (input.tags !== undefined && input.tags.join(' ') !== ticket.tags.join(' ')) {
    changes.push({ kind: 'tags', previous: ticket.tags, current: input.tags });
    ticket.tags = input.tags;
  }
  if (input.organization_id !== undefined) ticket.organization_id = input.organization_id;
  if (input.requester_id !== undefined) ticket.requester_id = input.requester_id;
  if (input.comment !== undefined) changes.push({ kind: 'comment', body: input.comment });
  if (changes.length === 0) return undefined;
  ticket.updated_at = zendeskTime(now.getTime());
  ticket.generated_timestamp = Math.floor(now.getTime() / 1000);
  return changes[0];
}

function label(key: string): string {
  const words = key.replace(/_id$/, '').replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
