import { generateZendeskSeed } from '../seed';
import { ZendeskStore } from '../store/zendesk-store';
import { findMatches } from './search-matchers';
import { parseSearchQuery } from './search-query';

const store = new ZendeskStore(() => generateZendeskSeed({ baseDate: '2025-06-30T00:00:00Z' }));
const now = new Date('2025-06-30T00:00:00Z');
const search = (query: string) => {
  const { types, terms } = parseSearchQuery(query);
  return findMatches(types, terms, { store, now });
};
const ids = (query: string) => search(query).map((h) => h.record.id);

describe('findMatches', () => {
  const tickets = store.tickets();
  const withOrg = tickets.find((t) => t.organization_id !== null);
  const org = store.organization(withOrg?.organization_id ?? 0);

  it('organization: by name (quoted) equals by id; none finds tickets without one', () => {
    expect(ids(`type:ticket organization:"${org?.name}"`)).toEqual(
      ids(`type:ticket organization:${org?.id}`),
    );
    expect(ids('type:ticket organization:none')).toEqual(
      tickets.filter((t) => t.organization_id === null).map((t) => t.id),
    );
  });

  it('assignee:none, ticket_type, priority ranges, due_date and updated', () => {
    expect(ids('type:ticket assignee:none')).toEqual(
      tickets.filter((t) => t.assignee_id === null).map((t) => t.id),
    );
    expect(ids('type:ticket ticket_type:task')).toEqual(
      tickets.filter((t) => t.type === 'task').map((t) => t.id),
    );
    expect(ids('type:ticket priority>normal')).toEqual(
      tickets.filter((t) => t.priority === 'high' || t.priority === 'urgent').map((t) => t.id),
    );
    expect(ids('type:ticket due_date>2000-01-01')).toEqual(
      tickets.filter((t) => t.due_at !== null).map((t) => t.id),
    );
    expect(ids('type:ticket updated>1week')).toEqual(
      tickets
        .filter((t) => Date.parse(t.updated_at) > now.getTime() - 7 * 86_400_000)
        .map((t) => t.id),
    );
  });

  it('words and phrases match the subject; a negated word excludes', () => {
    const subject = tickets[0]?.subject ?? '';
    const bySubject = ids(`type:ticket "${subject}"`);
    expect(bySubject).toEqual(
      tickets.filter((t) => t.description.includes(subject)).map((t) => t.id),
    );
    expect(ids(`type:ticket -"${subject}"`)).toHaveLength(tickets.length - bySubject.length);
  });

  it('users by role, name and organization; organizations by name and tags', () => {
    expect(ids('type:user role:agent')).toHaveLength(3);
    const user = store.users().find((u) => u.organization_id !== null);
    expect(ids(`type:user organization:${user?.organization_id}`)).toContain(user?.id);
    expect(ids(`type:user name:"${user?.name}"`)).toContain(user?.id);
    expect(ids('type:organization name:"Internal QA"')).toHaveLength(1);
    const tagged = store.organizations().find((o) => o.tags.length > 0);
    expect(ids(`type:organization tags:${tagged?.tags[0]}`)).toContain(tagged?.id);
  });

  it('without a type every kind is searched; an unknown keyword matches nothing', () => {
    const all = search('');
    expect(new Set(all.map((h) => h.resultType))).toEqual(
      new Set(['ticket', 'user', 'organization']),
    );
    expect(all).toHaveLength(tickets.length + store.users().length + store.organizations().length);
    expect(search('type:ticket flavour:vanilla')).toEqual([]);
  });
});
