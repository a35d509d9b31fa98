import type { ZendeskTicketRecord } from '../../../upstreams/zendesk';
import { toTicket } from './ticket-mapper';
import {
  TicketPriority,
  TicketStatus,
  ticketPriorityFromZendesk,
  ticketStatusFromZendesk,
} from './ticket-status';

const record = (overrides: Partial<ZendeskTicketRecord> = {}): ZendeskTicketRecord => ({
  id: 42,
  subject: 'Printer on fire',
  description: 'It is on fire.\nPlease help.',
  status: 'open',
  priority: 'urgent',
  requester_id: 7,
  organization_id: 9,
  created_at: '2025-06-01T08:00:00Z',
  updated_at: '2025-06-02T08:00:00Z',
  ...overrides,
});

describe('Zendesk status and priority mapping', () => {
  it('maps each status category one to one', () => {
    expect(
      ['new', 'open', 'pending', 'hold', 'solved', 'closed'].map(ticketStatusFromZendesk),
    ).toEqual([
      TicketStatus.NEW,
      TicketStatus.OPEN,
      TicketStatus.PENDING,
      TicketStatus.HOLD,
      TicketStatus.SOLVED,
      TicketStatus.CLOSED,
    ]);
    expect(ticketStatusFromZendesk('deleted')).toBeUndefined();
    expect(ticketStatusFromZendesk('constructor')).toBeUndefined();
  });

  it('maps priorities; none (or an unknown one) is null', () => {
    expect(['low', 'normal', 'high', 'urgent'].map(ticketPriorityFromZendesk)).toEqual([
      TicketPriority.LOW,
      TicketPriority.NORMAL,
      TicketPriority.HIGH,
      TicketPriority.URGENT,
    ]);
    expect(ticketPriorityFromZendesk(null)).toBeNull();
    expect(ticketPriorityFromZendesk('toString')).toBeNull();
  });
});

describe('toTicket', () => {
  it('builds the global id, dates and agent URL', () => {
    expect(
      toTicket(record(), 'https://acme.zendesk.com/agent/tickets/42', { requesterEmail: 'a@b.c' }),
    ).toMatchObject({
      id: 'zendesk-ticket:42',
      number: 42,
      subject: 'Printer on fire',
      status: TicketStatus.OPEN,
      priority: TicketPriority.URGENT,
      createdAt: new Date('2025-06-01T08:00:00Z'),
      url: 'https://acme.zendesk.com/agent/tickets/42',
      organizationId: 9,
      requesterId: 7,
      origin: { requesterEmail: 'a@b.c' },
    });
  });

  it("a ticket without subject shows its description's first line; a deleted one is left out", () => {
    expect(toTicket(record({ subject: null, raw_subject: null }), null, {})?.subject).toBe(
      'It is on fire.',
    );
    expect(toTicket(record({ subject: '  ' }), null, {})?.subject).toBe('It is on fire.');
    expect(toTicket(record({ status: 'deleted' }), null, {})).toBeUndefined();
  });
});
