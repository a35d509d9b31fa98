import DataLoader from 'dataloader';
import type { OperationScope } from '../operation-scope';
import type {
  AccountTicketsKey,
  ZendeskOrganizationRecord,
  ZendeskTicketRecord,
  ZendeskUserRecord,
} from './zendesk-records';
import { isZendeskId } from './search-query';
import type { ZendeskUpstream } from './zendesk-upstream';

/** One request's batching loaders over Zendesk (a page of accounts or contacts asks once). */
export interface ZendeskLoaders {
  /** Every ticket of each Account's organization (link field, else `external_id` = Account Id). */
  accountTickets: DataLoader<AccountTicketsKey, ZendeskTicketRecord[], string>;
  /** Every ticket requested by the user with each (lower-cased) email. */
  requesterTickets: DataLoader<string, ZendeskTicketRecord[]>;
  ticketById: DataLoader<number, ZendeskTicketRecord | null>;
  userById: DataLoader<number, ZendeskUserRecord | null>;
  organizationById: DataLoader<number, ZendeskOrganizationRecord | null>;
  /** The agent-facing URL of a ticket; null when Zendesk is not configured. */
  agentTicketUrl(ticketId: number): string | null;
}

function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

function byIdLoader<T extends { id: number }>(
  load: (ids: number[]) => Promise<T[]>,
): DataLoader<number, T | null> {
  return new DataLoader<number, T | null>(async (ids) => {
    const found = new Map((await load([...ids])).map((record) => [record.id, record]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

export function createZendeskLoaders(
  upstream: ZendeskUpstream,
  operation: OperationScope,
): ZendeskLoaders {
  const userById = byIdLoader((ids) => upstream.usersByIds(ids, operation));

  // Linked and fallback accounts share one batch, so the page's organizations go into one
  // search export after one `show_many?external_ids=` for the accounts without a link field.
  const accountTickets = new DataLoader<AccountTicketsKey, ZendeskTicketRecord[], string>(
    async (keys) => {
      const fallback = keys.filter((k) => k.organizationId === null).map((k) => k.accountId);
      const byExternalId = new Map<string, string>();
      if (fallback.length > 0) {
        for (const organization of await upstream.organizationsByExternalIds(fallback, operation))
          if (organization.external_id !== null)
            byExternalId.set(organization.external_id, String(organization.id));
      }
      const organizationOf = (key: AccountTicketsKey): string | null =>
        key.organizationId ?? byExternalId.get(key.accountId) ?? null;
      const organizationIds = [
        ...new Set(keys.map(organizationOf).filter((id): id is string => id !== null)),
      ].filter(isZendeskId);
      const tickets =
        organizationIds.length > 0
          ? await upstream.ticketsOfOrganizations(organizationIds, operation)
          : [];
      const byOrganization = groupBy(tickets, (t) => String(t.organization_id));
      return keys.map((key) => {
        const organizationId = organizationOf(key);
        return organizationId === null ? [] : (byOrganization.get(organizationId) ?? []);
      });
    },
    { cacheKeyFn: (key) => `${key.accountId}\u0000${key.organizationId ?? ''}` },
  );

  // Users first (their ids key the ticket export and the answer's grouping), then one export.
  const requesterTickets = new DataLoader<string, ZendeskTicketRecord[]>(async (emails) => {
    const users = await upstream.usersByEmails(emails, operation);
    const byEmail = new Map<string, ZendeskUserRecord>();
    for (const user of users) {
      if (user.email !== null) byEmail.set(user.email.toLowerCase(), user);
      userById.prime(user.id, user);
    }
    const tickets =
      users.length > 0
        ? await upstream.ticketsOfRequesters(
            users.map((u) => u.id),
            operation,
          )
        : [];
    const byRequester = groupBy(tickets, (t) => t.requester_id);
    return emails.map((email) => {
      const user = byEmail.get(email.toLowerCase());
      return user ? (byRequester.get(user.id) ?? []) : [];
    });
  });

  return {
    accountTickets,
    requesterTickets,
    ticketById: byIdLoader((ids) => upstream.ticketsByIds(ids, operation)),
    userById,
    organizationById: byIdLoader((ids) => upstream.organizationsByIds(ids, operation)),
    agentTicketUrl: (ticketId) => upstream.agentTicketUrl(ticketId),
  };
}
