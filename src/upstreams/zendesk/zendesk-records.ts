/**
 * The parts of Zendesk's JSON the gateway reads (https://developer.zendesk.com/api-reference/).
 * Plain types of this layer: the domain maps them, never the other way round.
 */
export interface ZendeskTicketRecord {
  id: number;
  subject: string | null;
  raw_subject?: string | null;
  description: string | null;
  /** `new`, `open`, `pending`, `hold`, `solved`, `closed` (custom statuses report their category). */
  status: string;
  priority: string | null;
  requester_id: number;
  organization_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface ZendeskUserRecord {
  id: number;
  email: string | null;
  organization_id: number | null;
}

export interface ZendeskOrganizationRecord {
  id: number;
  external_id: string | null;
}

/** How the loaders find one Account's organization (ARCHITECTURE.md "Linking the services"). */
export interface AccountTicketsKey {
  accountId: string;
  /** The Account's link field; null: the organization whose `external_id` is the Account Id. */
  organizationId: string | null;
}
