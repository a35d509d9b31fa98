import type { LinkedServiceConfig, ZendeskSettings } from '../../config';
import { LinkedServiceError, notConfiguredError, type LinkedUpstreamDeps } from '../linked';
import type { OperationScope } from '../operation-scope';
import { ZendeskApi, type ZendeskPath } from './zendesk-api';
import type {
  ZendeskOrganizationRecord,
  ZendeskTicketRecord,
  ZendeskUserRecord,
} from './zendesk-records';
import { chunkTerms, isZendeskId, searchQuery, searchTerm, slices } from './search-query';

/** Search answers at most this many results per query; page 11 of 100 is a 422. */
export const SEARCH_RESULT_CAP = 1000;
const PER_PAGE = 100;
/** `show_many` endpoints take at most 100 ids. */
const SHOW_MANY_LIMIT = 100;

interface SearchPage<T> {
  results: T[];
  count: number;
}

interface CursorPage {
  tickets: ZendeskTicketRecord[];
  meta?: { has_more?: boolean };
  links?: { next?: string | null };
}

function uniqueById<T extends { id: number }>(records: Iterable<T>): T[] {
  const byId = new Map<number, T>();
  for (const record of records) byId.set(record.id, record);
  return [...byId.values()];
}

/**
 * The gateway's reads of Zendesk Support. Every list is read in full (the loaders page it for
 * the graph): searches over many organizations or requesters at once, split in parallel
 * chunks when the query grows long, and never paged past Search's 1,000-result cap.
 */
export class ZendeskUpstream {
  readonly service = 'zendesk' as const;
  private readonly api: ZendeskApi | undefined;
  private readonly unconfigured: LinkedServiceError | undefined;

  constructor(config: LinkedServiceConfig<ZendeskSettings>, deps: LinkedUpstreamDeps) {
    if (config.mode === 'off') {
      this.unconfigured = notConfiguredError('zendesk', config.missing);
    } else if (config.settings === undefined) {
      this.unconfigured = new LinkedServiceError(
        'zendesk',
        'not-configured',
        'Zendesk runs as an emulator here, and the emulator is not running (start the gateway with `npm start`, or set ZENDESK_SUBDOMAIN, ZENDESK_EMAIL and ZENDESK_API_TOKEN)',
      );
    } else {
      this.api = new ZendeskApi(config.settings, deps);
    }
  }

  /**
   * The agent-facing page of a ticket (`https://acme.zendesk.com/agent/tickets/123`): the API
   * URL without `/api/v2`. Null when Zendesk is not configured.
   */
  agentTicketUrl(ticketId: number): string | null {
    if (!this.api) return null;
    return `${this.api.apiUrl.replace(/\/api\/v2$/, '')}/agent/tickets/${ticketId}`;
  }

  /** Organizations whose `external_id` is one of these (the Account Id fallback link). */
  async organizationsByExternalIds(
    externalIds: readonly string[],
    operation: OperationScope,
  ): Promise<ZendeskOrganizationRecord[]> {
    // A comma would split one id into two in the comma-separated list.
    const ids = [...new Set(externalIds)].filter((id) => id !== '' && !id.includes(','));
    return this.showMany<ZendeskOrganizationRecord>(
      ['organizations', 'show_many'],
      'external_ids',
      'organizations',
      ids,
      operation,
    );
  }

  organizationsByIds(ids: readonly number[], operation: OperationScope) {
    return this.showMany<ZendeskOrganizationRecord>(
      ['organizations', 'show_many'],
      'ids',
      'organizations',
      ids.map(String),
      operation,
    );
  }

  usersByIds(ids: readonly number[], operation: OperationScope) {
    return this.showMany<ZendeskUserRecord>(
      ['users', 'show_many'],
      'ids',
      'users',
      ids.map(String),
      operation,
    );
  }

  ticketsByIds(ids: readonly number[], operation: OperationScope) {
    return this.showMany<ZendeskTicketRecord>(
      ['tickets', 'show_many'],
      'ids',
      'tickets',
      ids.map(String),
      operation,
    );
  }

  /**
   * Every ticket of these organizations: `type:ticket organization:1 organization:2 ...`. A
   * chunk matching more than Search returns is halved; one organization with more than 1,000
   * tickets is read from its own ticket list (cursor-paginated, uncapped).
   */
  async ticketsOfOrganizations(
    organizationIds: readonly string[],
    operation: OperationScope,
  ): Promise<ZendeskTicketRecord[]> {
    const tickets = await this.searchByTerms<ZendeskTicketRecord>(
      'type:ticket',
      'organization',
      organizationIds.filter(isZendeskId),
      (id) => this.cursorList(['organizations', id, 'tickets'], operation),
      operation,
    );
    const wanted = new Set(organizationIds);
    return tickets.filter(
      (t) => t.organization_id !== null && wanted.has(String(t.organization_id)),
    );
  }

  /** Every ticket these users requested; past the cap, the user's own requested list. */
  async ticketsOfRequesters(
    userIds: readonly number[],
    operation: OperationScope,
  ): Promise<ZendeskTicketRecord[]> {
    const tickets = await this.searchByTerms<ZendeskTicketRecord>(
      'type:ticket',
      'requester',
      userIds.map(String),
      (id) => this.cursorList(['users', id, 'tickets', 'requested'], operation),
      operation,
    );
    const wanted = new Set(userIds);
    return tickets.filter((t) => wanted.has(t.requester_id));
  }

  /** The users whose primary email is one of these (compared lower-cased, as Zendesk stores them). */
  async usersByEmails(
    emails: readonly string[],
    operation: OperationScope,
  ): Promise<ZendeskUserRecord[]> {
    const wanted = new Set(emails.map((e) => e.toLowerCase()));
    const users = await this.searchByTerms<ZendeskUserRecord>(
      'type:user',
      'email',
      [...wanted],
      () => {
        // One email is one user: more than 1,000 matches means the query is not what we think.
        throw new Error('Zendesk user search by one email matched more than 1,000 users');
      },
      operation,
    );
    return users.filter((u) => u.email !== null && wanted.has(u.email.toLowerCase()));
  }

  private requireApi(): ZendeskApi {
    if (!this.api) throw this.unconfigured ?? notConfiguredError('zendesk', []);
    return this.api;
  }

  private async showMany<T extends { id: number }>(
    path: ZendeskPath,
    param: string,
    key: string,
    values: readonly string[],
    operation: OperationScope,
  ): Promise<T[]> {
    if (values.length === 0) return [];
    const api = this.requireApi();
    const pages = await Promise.all(
      slices(values, SHOW_MANY_LIMIT).map(async (slice) => {
        const body = await api.get<Record<string, T[] | undefined>>(
          path,
          { [param]: slice.join(',') },
          operation,
        );
        const records = body[key] ?? [];
        operation.countRows(records.length);
        return records;
      }),
    );
    return uniqueById(pages.flat());
  }

  private async searchByTerms<T extends { id: number }>(
    prefix: string,
    keyword: string,
    values: readonly string[],
    overflow: (value: string) => Promise<T[]>,
    operation: OperationScope,
  ): Promise<T[]> {
    const termOf = new Map<string, string>();
    for (const value of values) {
      const term = searchTerm(keyword, value);
      if (term !== undefined) termOf.set(term, value);
    }
    if (termOf.size === 0) return [];
    const api = this.requireApi();
    const search = async (terms: string[]): Promise<T[]> => {
      const found = await this.searchAll<T>(api, searchQuery(prefix, terms), operation);
      if (found !== undefined) return found;
      if (terms.length === 1) return overflow(termOf.get(terms[0] as string) as string);
      const half = Math.ceil(terms.length / 2);
      const parts = await Promise.all([search(terms.slice(0, half)), search(terms.slice(half))]);
      return parts.flat();
    };
    const chunks = await Promise.all(chunkTerms(prefix, [...termOf.keys()]).map(search));
    return uniqueById(chunks.flat());
  }

  /**
   * Every result of one query, or undefined when it matches more than Search returns (the
   * caller narrows it). The first page tells the count; the others are read in parallel,
   * sorted by creation so the pages do not shift between calls.
   */
  private async searchAll<T extends { id: number }>(
    api: ZendeskApi,
    query: string,
    operation: OperationScope,
  ): Promise<T[] | undefined> {
    const page = async (n: number): Promise<SearchPage<T>> => {
      const body = await api.get<SearchPage<T>>(
        ['search'],
        { query, sort_by: 'created_at', sort_order: 'asc', per_page: PER_PAGE, page: n },
        operation,
      );
      operation.countRows(body.results.length);
      return body;
    };
    const first = await page(1);
    if (first.count > SEARCH_RESULT_CAP) return undefined;
    const pages = Math.ceil(first.count / PER_PAGE);
    const rest = await Promise.all(
      Array.from({ length: Math.max(0, pages - 1) }, (_, i) => page(i + 2)),
    );
    return uniqueById([first, ...rest].flatMap((p) => p.results));
  }

  /** A ticket list under cursor pagination, followed to its end (no result cap). */
  private async cursorList(
    path: ZendeskPath,
    operation: OperationScope,
  ): Promise<ZendeskTicketRecord[]> {
    const api = this.requireApi();
    const tickets: ZendeskTicketRecord[] = [];
    let next: ZendeskPath | string | null = path;
    while (next !== null) {
      const body: CursorPage = await api.get<CursorPage>(
        next,
        typeof next === 'string' ? {} : { 'page[size]': PER_PAGE },
        operation,
      );
      operation.countRows(body.tickets.length);
      tickets.push(...body.tickets);
      next = body.meta?.has_more && body.links?.next ? body.links.next : null;
    }
    return tickets;
  }
}
