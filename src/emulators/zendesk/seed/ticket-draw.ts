import type { SeededRandom } from '../../seed';
import type { Ticket, TicketPriority, TicketStatus, User } from '../model/types';
import { DEMO_ZENDESK_AGENTS } from './demo-staff';
import { ticketRecord, type TicketValues } from './record-factory';
import { CHANNELS, TICKET_SUBJECTS, TICKET_TAGS } from './ticket-pools';

/** How an organization's support load looks, which decides its account's health. */
export type Profile = 'quiet' | 'healthy' | 'busy' | 'escalated';

const DAY_MS = 86_400_000;
const OPEN_STATUSES: ReadonlyArray<readonly [TicketStatus, number]> = [
  ['new', 10],
  ['open', 45],
  ['pending', 20],
  ['hold', 5],
];
const DONE_STATUSES: ReadonlyArray<readonly [TicketStatus, number]> = [
  ['solved', 55],
  ['closed', 45],
];
const PRIORITIES: ReadonlyArray<readonly [TicketPriority | null, number]> = [
  [null, 10],
  ['low', 20],
  ['normal', 45],
  ['high', 20],
  ['urgent', 5],
];

export interface TicketDraw {
  requester: User;
  organizationId: number | null;
  profile: Profile;
  /** The escalated organization's urgent open ticket. */
  urgentOpen: boolean;
}

/** One ticket drawn from the profile's mix; unsolved tickets are recent, solved ones up to a year old. */
export function drawTicket(
  rng: SeededRandom,
  baseMs: number,
  { requester, organizationId, profile, urgentOpen }: TicketDraw,
): Omit<Ticket, 'id'> {
  const open = urgentOpen || (profile !== 'healthy' && rng.chance(0.45));
  const status: TicketStatus = urgentOpen
    ? 'open'
    : rng.weighted(open ? OPEN_STATUSES : DONE_STATUSES);
  let priority = urgentOpen ? 'urgent' : rng.weighted(PRIORITIES);
  // Only escalated organizations keep an urgent ticket unsolved.
  if (priority === 'urgent' && open && profile !== 'escalated') priority = 'high';
  const type = rng.weighted([
    [null, 15],
    ['question', 40],
    ['incident', 30],
    ['problem', 5],
    ['task', 10],
  ] as const);
  const createdMs =
    baseMs - rng.int(open ? 0 : 20, open ? 45 : 365) * DAY_MS - rng.int(0, 86_399) * 1000;
  const updatedMs = Math.min(
    baseMs,
    createdMs + rng.int(0, open ? 3 : 20) * DAY_MS + rng.int(60, 7200) * 1000,
  );
  const subject = rng.pick(TICKET_SUBJECTS);
  const values: TicketValues = {
    subject,
    description: `${subject}. Reported by ${requester.name} <${requester.email}>.`,
    status,
    priority,
    type,
    requesterId: requester.id,
    assigneeId: status === 'new' ? null : rng.pick(DEMO_ZENDESK_AGENTS).id,
    organizationId,
    createdMs,
    updatedMs,
    // Zendesk keeps a due date on tasks only.
    dueMs: type === 'task' ? createdMs + rng.int(1, 14) * DAY_MS : null,
    tags: [
      ...new Set([rng.pick(TICKET_TAGS), ...(rng.chance(0.3) ? [rng.pick(TICKET_TAGS)] : [])]),
    ],
    channel: rng.pick(CHANNELS),
  };
  return ticketRecord(values);
}
