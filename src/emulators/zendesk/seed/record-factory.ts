import type {
  Organization,
  Ticket,
  TicketPriority,
  TicketStatus,
  TicketType,
  User,
  UserRole,
} from '../model/types';
import { CUSTOM_STATUS_IDS, DEMO_BRAND_ID, SUPPORT_GROUP_ID } from './ticket-pools';

/** Zendesk timestamps: ISO 8601 in UTC, whole seconds. */
export function zendeskTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export function organizationRecord(values: {
  id: number;
  name: string;
  externalId: string | null;
  createdMs: number;
  updatedMs: number;
  domainNames: string[];
  tags: string[];
}): Organization {
  return {
    id: values.id,
    name: values.name,
    shared_tickets: false,
    shared_comments: false,
    external_id: values.externalId,
    created_at: zendeskTime(values.createdMs),
    updated_at: zendeskTime(values.updatedMs),
    domain_names: values.domainNames,
    details: null,
    notes: null,
    group_id: null,
    tags: values.tags,
    organization_fields: {},
  };
}

export function userRecord(values: {
  id: number;
  name: string;
  email: string;
  role: UserRole;
  organizationId: number | null;
  phone: string | null;
  createdMs: number;
  updatedMs: number;
}): User {
  const staff = values.role !== 'end-user';
  return {
    id: values.id,
    name: values.name,
    email: values.email,
    created_at: zendeskTime(values.createdMs),
    updated_at: zendeskTime(values.updatedMs),
    time_zone: 'Eastern Time (US & Canada)',
    iana_time_zone: 'America/New_York',
    phone: values.phone,
    shared_phone_number: values.phone === null ? null : false,
    photo: null,
    locale_id: 1,
    locale: 'en-US',
    organization_id: values.organizationId,
    role: values.role,
    verified: true,
    external_id: null,
    tags: [],
    alias: null,
    active: true,
    shared: false,
    shared_agent: false,
    last_login_at: staff ? zendeskTime(values.updatedMs) : null,
    two_factor_auth_enabled: staff ? true : null,
    signature: null,
    details: null,
    notes: null,
    role_type: null,
    custom_role_id: null,
    moderator: staff,
    ticket_restriction: staff ? null : 'requested',
    only_private_comments: false,
    restricted_agent: false,
    suspended: false,
    default_group_id: staff ? SUPPORT_GROUP_ID : null,
    report_csv: values.role === 'admin',
    user_fields: {},
  };
}

export interface TicketValues {
  subject: string;
  description: string;
  status: TicketStatus;
  priority: TicketPriority | null;
  type: TicketType | null;
  requesterId: number;
  assigneeId: number | null;
  organizationId: number | null;
  createdMs: number;
  updatedMs: number;
  dueMs: number | null;
  tags: string[];
  channel: string;
}

/** A ticket without its id: ids are given in creation order once every ticket exists. */
export function ticketRecord(values: TicketValues): Omit<Ticket, 'id'> {
  const solved = values.status === 'solved' || values.status === 'closed';
  return {
    external_id: null,
    via: { channel: values.channel, source: { from: {}, to: {}, rel: null } },
    created_at: zendeskTime(values.createdMs),
    updated_at: zendeskTime(values.updatedMs),
    generated_timestamp: Math.floor(values.updatedMs / 1000),
    type: values.type,
    subject: values.subject,
    raw_subject: values.subject,
    description: values.description,
    priority: values.priority,
    status: values.status,
    recipient: values.channel === 'email' ? 'support@atom-demo.zendesk.com' : null,
    requester_id: values.requesterId,
    submitter_id: values.requesterId,
    assignee_id: values.assigneeId,
    organization_id: values.organizationId,
    group_id: values.assigneeId === null ? null : SUPPORT_GROUP_ID,
    collaborator_ids: [],
    follower_ids: [],
    email_cc_ids: [],
    forum_topic_id: null,
    problem_id: null,
    has_incidents: false,
    is_public: true,
    due_at: values.dueMs === null ? null : zendeskTime(values.dueMs),
    tags: values.tags,
    custom_fields: [],
    satisfaction_rating: solved ? { score: 'offered' } : { score: 'unoffered' },
    sharing_agreement_ids: [],
    custom_status_id: CUSTOM_STATUS_IDS[values.status],
    fields: [],
    followup_ids: [],
    ticket_form_id: null,
    brand_id: DEMO_BRAND_ID,
    allow_channelback: false,
    allow_attachments: true,
    from_messaging_channel: false,
  };
}
