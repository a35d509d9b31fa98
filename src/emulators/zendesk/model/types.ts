/**
 * Zendesk Support resources as the emulator stores them: the JSON the API sends, minus `url`
 * (built per request from the Host the client used, as Zendesk builds it from the subdomain).
 * Field names and nullability follow Zendesk's responses (zendesk_api_client_rb cassettes).
 */
export const TICKET_STATUSES = ['new', 'open', 'pending', 'hold', 'solved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

export const TICKET_TYPES = ['problem', 'incident', 'question', 'task'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

export type UserRole = 'end-user' | 'agent' | 'admin';

export interface Organization {
  id: number;
  name: string;
  shared_tickets: boolean;
  shared_comments: boolean;
  external_id: string | null;
  created_at: string;
  updated_at: string;
  domain_names: string[];
  details: string | null;
  notes: string | null;
  group_id: number | null;
  tags: string[];
  organization_fields: Record<string, unknown>;
}

export interface User {
  id: number;
  name: string;
  email: string;
  created_at: string;
  updated_at: string;
  time_zone: string;
  iana_time_zone: string;
  phone: string | null;
  shared_phone_number: boolean | null;
  photo: null;
  locale_id: number;
  locale: string;
  organization_id: number | null;
  role: UserRole;
  verified: boolean;
  external_id: string | null;
  tags: string[];
  alias: string | null;
  active: boolean;
  shared: boolean;
  shared_agent: boolean;
  last_login_at: string | null;
  two_factor_auth_enabled: boolean | null;
  signature: string | null;
  details: string | null;
  notes: string | null;
  role_type: number | null;
  custom_role_id: number | null;
  moderator: boolean;
  ticket_restriction: 'requested' | 'organization' | null;
  only_private_comments: boolean;
  restricted_agent: boolean;
  suspended: boolean;
  default_group_id: number | null;
  report_csv: boolean;
  user_fields: Record<string, unknown>;
}

export interface Ticket {
  id: number;
  external_id: string | null;
  via: {
    channel: string;
    source: { from: Record<string, unknown>; to: Record<string, unknown>; rel: null };
  };
  created_at: string;
  updated_at: string;
  generated_timestamp: number;
  type: TicketType | null;
  subject: string;
  raw_subject: string;
  description: string;
  priority: TicketPriority | null;
  status: TicketStatus;
  recipient: string | null;
  requester_id: number;
  submitter_id: number;
  assignee_id: number | null;
  organization_id: number | null;
  group_id: number | null;
  collaborator_ids: number[];
  follower_ids: number[];
  email_cc_ids: number[];
  forum_topic_id: null;
  problem_id: number | null;
  has_incidents: boolean;
  is_public: boolean;
  due_at: string | null;
  tags: string[];
  custom_fields: Array<{ id: number; value: unknown }>;
  satisfaction_rating: { score: string } | null;
  sharing_agreement_ids: number[];
  custom_status_id: number;
  fields: Array<{ id: number; value: unknown }>;
  followup_ids: number[];
  ticket_form_id: number | null;
  brand_id: number;
  allow_channelback: boolean;
  allow_attachments: boolean;
  from_messaging_channel: boolean;
}

/** The whole emulated account. */
export interface ZendeskData {
  organizations: Organization[];
  users: User[];
  tickets: Ticket[];
}
