import type { OperationScope } from '../../upstreams/operation-scope';
import type { ZendeskTicketRecord, ZendeskUpstream } from '../../upstreams/zendesk';
import type { SyncPlan } from '../sync-engine';
import { readScopeKey, scopeKey, type SyncScope } from '../sync-scope';
import {
  CASE_OBJECT,
  ZENDESK_TICKET_EXTERNAL_ID,
  zendeskTicketRow,
} from './zendesk-ticket.mapping';

/** Where a run stands: which organization (account scope) and the next page's URL. */
interface ZendeskCursor {
  organization?: number;
  next: string | null;
}

const parseCursor = (cursor: string | null): ZendeskCursor =>
  cursor === null ? { organization: 0, next: null } : (JSON.parse(cursor) as ZendeskCursor);

/** The organizations an Account reaches: its link field's, else those whose external_id is it. */
async function organizationsOf(
  zendesk: ZendeskUpstream,
  scope: SyncScope & { kind: 'account' },
  operation: OperationScope,
): Promise<string[]> {
  const { account } = scope;
  if (account.linkId !== null) return [account.linkId];
  const found = await zendesk.organizationsByExternalIds([account.accountId], operation);
  return found.filter((o) => o.external_id === account.accountId).map((o) => String(o.id));
}

/** Every organization mapped to the Account of `scope` it links to (link field first). */
async function accountByOrganization(
  zendesk: ZendeskUpstream,
  scope: SyncScope & { kind: 'all' },
  operation: OperationScope,
): Promise<Map<string, string>> {
  const byOrganization = new Map<string, string>();
  const unlinked = new Set<string>();
  for (const account of scope.accounts) {
    if (account.linkId !== null) byOrganization.set(account.linkId, account.accountId);
    else unlinked.add(account.accountId);
  }
  if (unlinked.size === 0) return byOrganization;
  let next: string | null = null;
  do {
    const page = await zendesk.organizationsPage(next, operation);
    for (const org of page.records) {
      if (org.external_id !== null && unlinked.has(org.external_id)) {
        byOrganization.set(String(org.id), org.external_id);
      }
    }
    next = page.next;
  } while (next !== null);
  return byOrganization;
}

/**
 * Zendesk tickets → Case by Zendesk_Ticket_Id__c, read through cursor-paginated lists (100 a
 * page): one Account's organizations one after the other, or every ticket of the account
 * (kept when its organization links to an Account of the scope). `since` keeps tickets created
 * at or after it (the lists have no creation filter, so it narrows the writes, not the reads).
 */
export async function zendeskTicketsPlan(
  zendesk: ZendeskUpstream,
  scope: SyncScope,
  since: Date | null,
  operation: OperationScope,
): Promise<SyncPlan<ZendeskTicketRecord>> {
  const recent = (tickets: ZendeskTicketRecord[]): ZendeskTicketRecord[] =>
    since === null ? tickets : tickets.filter((t) => Date.parse(t.created_at) >= since.getTime());
  const base = {
    service: 'zendesk' as const,
    scope: scopeKey(scope),
    readScope: readScopeKey(scope, since),
    object: CASE_OBJECT,
    externalIdField: ZENDESK_TICKET_EXTERNAL_ID,
  };
  if (scope.kind === 'account') {
    const organizations = (await organizationsOf(zendesk, scope, operation)).sort();
    const accountId = scope.account.accountId;
    return {
      ...base,
      async readPage(cursor) {
        const at = parseCursor(cursor);
        const index = at.organization ?? 0;
        const organization = organizations[index];
        if (organization === undefined) return { records: [], next: null };
        const page = await zendesk.ticketsPage(organization, at.next, operation);
        const next: ZendeskCursor | null =
          page.next !== null
            ? { organization: index, next: page.next }
            : index + 1 < organizations.length
              ? { organization: index + 1, next: null }
              : null;
        return { records: recent(page.records), next: next === null ? null : JSON.stringify(next) };
      },
      toRow: (ticket) => zendeskTicketRow(ticket, accountId),
    };
  }
  const accounts = await accountByOrganization(zendesk, scope, operation);
  return {
    ...base,
    async readPage(cursor) {
      const page = await zendesk.ticketsPage(null, parseCursor(cursor).next, operation);
      return {
        records: recent(page.records),
        next: page.next === null ? null : JSON.stringify({ next: page.next }),
      };
    },
    toRow(ticket) {
      const accountId =
        ticket.organization_id === null ? undefined : accounts.get(String(ticket.organization_id));
      return accountId === undefined ? null : zendeskTicketRow(ticket, accountId);
    },
  };
}
