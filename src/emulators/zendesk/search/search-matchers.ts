import {
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  type Organization,
  type Ticket,
  type User,
} from '../model/types';
import type { ZendeskStore } from '../store/zendesk-store';
import { groupTerms, type FieldTerm, type SearchTerm } from './search-query';
import { compareBy, matchesDate, rank } from './term-values';

export type ResultType = 'ticket' | 'user' | 'organization';

export interface SearchContext {
  store: ZendeskStore;
  now: Date;
}

type FieldMatcher<T> = (record: T, term: FieldTerm, ctx: SearchContext) => boolean;

const lower = (s: string | null | undefined): string => (s ?? '').toLowerCase();
const ordered =
  (order: readonly string[], pick: (t: Ticket) => string | null): FieldMatcher<Ticket> =>
  (ticket, term) => {
    const actual = rank(order, pick(ticket));
    const expected = rank(order, term.value);
    return actual >= 0 && expected >= 0 && compareBy(term.operator, actual, expected);
  };

/** `organization:` takes an id, a name, or `none`. */
function organizationTerm(
  organizationId: number | null,
  term: FieldTerm,
  ctx: SearchContext,
): boolean {
  if (term.operator !== ':') return false;
  if (lower(term.value) === 'none') return organizationId === null;
  if (organizationId === null) return false;
  if (/^\d+$/.test(term.value)) return organizationId === Number(term.value);
  return lower(ctx.store.organization(organizationId)?.name) === lower(term.value);
}

/** `requester:`/`assignee:` take a user id, an email, or `none`. */
function userTerm(userId: number | null, term: FieldTerm, ctx: SearchContext): boolean {
  if (term.operator !== ':') return false;
  if (lower(term.value) === 'none') return userId === null;
  if (userId === null) return false;
  if (/^\d+$/.test(term.value)) return userId === Number(term.value);
  return lower(ctx.store.user(userId)?.email) === lower(term.value);
}

const TICKET_FIELDS: Record<string, FieldMatcher<Ticket>> = {
  status: ordered(TICKET_STATUSES, (t) => t.status),
  priority: ordered(TICKET_PRIORITIES, (t) => t.priority),
  ticket_type: (t, term) => term.operator === ':' && lower(t.type) === lower(term.value),
  organization: (t, term, ctx) => organizationTerm(t.organization_id, term, ctx),
  requester: (t, term, ctx) => userTerm(t.requester_id, term, ctx),
  assignee: (t, term, ctx) => userTerm(t.assignee_id, term, ctx),
  tags: (t, term) => term.operator === ':' && t.tags.includes(lower(term.value)),
  tag: (t, term) => term.operator === ':' && t.tags.includes(lower(term.value)),
  created: (t, term, ctx) => matchesDate(term.operator, t.created_at, term.value, ctx.now),
  updated: (t, term, ctx) => matchesDate(term.operator, t.updated_at, term.value, ctx.now),
  due_date: (t, term, ctx) => matchesDate(term.operator, t.due_at, term.value, ctx.now),
  subject: (t, term) => lower(t.subject).includes(lower(term.value)),
  description: (t, term) => lower(t.description).includes(lower(term.value)),
};

const USER_FIELDS: Record<string, FieldMatcher<User>> = {
  email: (u, term) => term.operator === ':' && lower(u.email) === lower(term.value),
  name: (u, term) => lower(u.name).includes(lower(term.value)),
  role: (u, term) => term.operator === ':' && u.role === lower(term.value),
  organization: (u, term, ctx) => organizationTerm(u.organization_id, term, ctx),
  external_id: (u, term) => term.operator === ':' && u.external_id === term.value,
  created: (u, term, ctx) => matchesDate(term.operator, u.created_at, term.value, ctx.now),
};

const ORGANIZATION_FIELDS: Record<string, FieldMatcher<Organization>> = {
  external_id: (o, term) => term.operator === ':' && o.external_id === term.value,
  name: (o, term) => lower(o.name).includes(lower(term.value)),
  tags: (o, term) => term.operator === ':' && o.tags.includes(lower(term.value)),
  created: (o, term, ctx) => matchesDate(term.operator, o.created_at, term.value, ctx.now),
};

function matcher<T>(fields: Record<string, FieldMatcher<T>>, text: (record: T) => string) {
  return (record: T, groups: SearchTerm[][], ctx: SearchContext): boolean =>
    groups.every((group) =>
      group.some((term) => {
        const hit =
          term.kind === 'text'
            ? lower(text(record)).includes(lower(term.text))
            : (fields[term.field]?.(record, term, ctx) ?? false);
        return term.negated ? !hit : hit;
      }),
    );
}

// Plain words match the text a person would see on the record.
const matchTicket = matcher(
  TICKET_FIELDS,
  (t) => `${t.subject} ${t.description} ${t.tags.join(' ')}`,
);
const matchUser = matcher(USER_FIELDS, (u) => `${u.name} ${u.email}`);
const matchOrganization = matcher(
  ORGANIZATION_FIELDS,
  (o) => `${o.name} ${o.domain_names.join(' ')}`,
);

export interface SearchHit {
  resultType: ResultType;
  record: Ticket | User | Organization;
}

/** Every record of the requested types that satisfies all term groups, tickets first, by id. */
export function findMatches(types: string[], terms: SearchTerm[], ctx: SearchContext): SearchHit[] {
  const groups = groupTerms(terms);
  const wants = (type: ResultType): boolean => types.length === 0 || types.includes(type);
  const hits: SearchHit[] = [];
  if (wants('ticket'))
    for (const t of ctx.store.tickets())
      if (matchTicket(t, groups, ctx)) hits.push({ resultType: 'ticket', record: t });
  if (wants('user'))
    for (const u of ctx.store.users())
      if (matchUser(u, groups, ctx)) hits.push({ resultType: 'user', record: u });
  if (wants('organization'))
    for (const o of ctx.store.organizations())
      if (matchOrganization(o, groups, ctx)) hits.push({ resultType: 'organization', record: o });
  return hits;
}
