import type { ZendeskTicketRecord } from '../../upstreams/zendesk';
import type { SyncRow } from '../sync-engine';

export const CASE_OBJECT = 'Case';
export const ZENDESK_TICKET_EXTERNAL_ID = 'Zendesk_Ticket_Id__c';

/** Zendesk status → the Case Status picklist a new org ships (New, Working, Escalated, Closed). */
const CASE_STATUS: Readonly<Record<string, string>> = {
  new: 'New',
  open: 'Working',
  pending: 'Working',
  hold: 'Working',
  solved: 'Closed',
  closed: 'Closed',
};

/** Zendesk priority → Case Priority (High, Medium, Low); none is Salesforce's default Medium. */
const CASE_PRIORITY: Readonly<Record<string, string>> = {
  urgent: 'High',
  high: 'High',
  normal: 'Medium',
  low: 'Low',
};

/**
 * One Zendesk ticket as a Case row. Subject and description are copied as they are (a subject
 * over the field's 255 characters is Salesforce's to reject, reported for that ticket).
 * Origin and ContactId are left to Salesforce users: the ticket's channel and requester are
 * not part of what the gateway reads.
 */
export function zendeskTicketRow(ticket: ZendeskTicketRecord, accountId: string): SyncRow {
  const externalId = String(ticket.id);
  return {
    externalId,
    fields: {
      [ZENDESK_TICKET_EXTERNAL_ID]: externalId,
      AccountId: accountId,
      Subject: ticket.subject ?? ticket.raw_subject ?? null,
      Description: ticket.description,
      Status: CASE_STATUS[ticket.status] ?? 'Working',
      Priority: (ticket.priority !== null ? CASE_PRIORITY[ticket.priority] : undefined) ?? 'Medium',
    },
  };
}
