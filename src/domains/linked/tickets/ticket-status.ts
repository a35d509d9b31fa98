import { registerEnumType } from 'type-graphql';

export enum TicketStatus {
  NEW = 'NEW',
  OPEN = 'OPEN',
  PENDING = 'PENDING',
  HOLD = 'HOLD',
  SOLVED = 'SOLVED',
  CLOSED = 'CLOSED',
}

export enum TicketPriority {
  LOW = 'LOW',
  NORMAL = 'NORMAL',
  HIGH = 'HIGH',
  URGENT = 'URGENT',
}

registerEnumType(TicketStatus, {
  name: 'TicketStatus',
  description:
    "A Zendesk ticket's status category, one to one with Zendesk's `status` (custom ticket statuses report their category there).",
  valuesConfig: {
    NEW: { description: 'Zendesk `new`: not yet touched by an agent.' },
    OPEN: { description: 'Zendesk `open`: an agent is working on it.' },
    PENDING: { description: 'Zendesk `pending`: waiting for the requester.' },
    HOLD: { description: 'Zendesk `hold`: waiting for a third party.' },
    SOLVED: { description: 'Zendesk `solved`: answered; the requester may still reopen it.' },
    CLOSED: { description: 'Zendesk `closed`: solved and locked.' },
  },
});

registerEnumType(TicketPriority, {
  name: 'TicketPriority',
  description: "Zendesk's ticket priority (`low`, `normal`, `high`, `urgent`).",
  valuesConfig: {
    LOW: { description: 'Zendesk `low`.' },
    NORMAL: { description: 'Zendesk `normal`.' },
    HIGH: { description: 'Zendesk `high`.' },
    URGENT: { description: 'Zendesk `urgent`: makes the Account AT_RISK while open.' },
  },
});

const STATUSES: Record<string, TicketStatus> = {
  new: TicketStatus.NEW,
  open: TicketStatus.OPEN,
  pending: TicketStatus.PENDING,
  hold: TicketStatus.HOLD,
  solved: TicketStatus.SOLVED,
  closed: TicketStatus.CLOSED,
};

const PRIORITIES: Record<string, TicketPriority> = {
  low: TicketPriority.LOW,
  normal: TicketPriority.NORMAL,
  high: TicketPriority.HIGH,
  urgent: TicketPriority.URGENT,
};

/**
 * Zendesk's `status` as the graph's enum. Anything else (`deleted`, seen on soft-deleted
 * tickets in exports) is not a live ticket of the account: undefined, and the ticket is left out.
 */
export function ticketStatusFromZendesk(status: string): TicketStatus | undefined {
  return Object.hasOwn(STATUSES, status.toLowerCase()) ? STATUSES[status.toLowerCase()] : undefined;
}

/** Zendesk's `priority`; null when the ticket has none (or one the contract does not know). */
export function ticketPriorityFromZendesk(priority: string | null): TicketPriority | null {
  if (priority === null) return null;
  const key = priority.toLowerCase();
  return Object.hasOwn(PRIORITIES, key) ? (PRIORITIES[key] ?? null) : null;
}
