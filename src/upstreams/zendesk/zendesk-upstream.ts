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
const SEARCH_RESULT_CAP = 1000;
const PER_PAGE = 100;
/** Search export pages hold up to 1,000 results: a page of accounts' tickets is one call. */
const EXPORT_PAGE_SIZE = 1000;
/** `show_many` endpoints take at most 100 ids. */
const SHOW_MANY_LIMIT = 100;

interface SearchPage<T> {
  results: T[];
  count: number;
}

interface CursorPage {
  meta?: { has_more?: boolean };
  links?: { next?: string | null };
}

/** One page of a cursor-paginated list; `next` is the page URL Zendesk gave, null at the end. */
export interface ZendeskListPage<T> {
  records: T[];
  next: string | null;
}

interface ExportPage {
  results: ZendeskTicketRecord[];
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
 * the graph): ticket lists through the Search Export API over many organizations or requesters
 * at once (one call per 1,000 tickets, no result cap), split in parallel chunks when the query
 * grows long.
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

  /**
   * One page (100) of tickets, oldest id first, of one organization or of the whole account:
   * the sync's read. `next` is the URL of the following page (cursor pagination), so a run
   * resumes where it stopped.
   */
  async ticketsPage(
    organizationId: string | null,
    next: string | null,
    operation: OperationScope,
  ): Promise<ZendeskListPage<ZendeskTicketRecord>> {
    if (organizationId !== null && !isZendeskId(organizationId)) return { records: [], next: null };
    const path: ZendeskPath =
      organizationId === null ? ['tickets'] : ['organizations', organizationId, 'tickets'];
    return this.cursorPage<ZendeskTicketRecord>(path, 'tickets', next, operation);
  }

  /** One page (100) of organizations with their `external_id` (the Account Id fallback). */
  organizationsPage(
    next: string | null,
    operation: OperationScope,
  ): Promise<ZendeskListPage<ZendeskOrganizationRecord>> {
    return this.cursorPage<ZendeskOrganizationRecord>(
      ['organizations'],
      'organizations',
      next,
      operation,
    );
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

  /** Every ticket of these organizations: an export of `organization:1 organization:2 ...`. */
  async ticketsOfOrganizations(
    organizationIds: readonly string[],
    operation: OperationScope,
  ): Promise<ZendeskTicketRecord[]> {
    const tickets = await this.exportTickets(
      'organization',
      organizationIds.filter(isZendeskId),
      operation,
    );
    const wanted = new Set(organizationIds);
    return tickets.filter(
      (t) => t.organization_id !== null && wanted.has(String(t.organization_id)),
    );
  }

  /** Every ticket these users requested: an export of `requester:1 requester:2 ...`. */
  async ticketsOfRequesters(
    userIds: readonly number[],
    operation: OperationScope,
  ): Promise<ZendeskTicketRecord[]> {
    const tickets = await this.exportTickets('requester', userIds.map(String), operation);
    const wanted = new Set(userIds);
    return tickets.filter((t) => wanted.has(t.requester_id));
  }

  /**
   * The users whose primary email is one of these (compared lower-cased, as Zendesk stores
   * them). A chunk holds at most 100 emails, so its matches fit the first page: this stays on
   * Search, whose rate limit is the account's, not Export's 100 requests a minute.
   */
  async usersByEmails(
    emails: readonly string[],
    operation: OperationScope,
  ): Promise<ZendeskUserRecord[]> {
    const wanted = new Set(emails.map((e) => e.toLowerCase()));
    const terms = termsOf('email', [...wanted]);
    if (terms.length === 0) return [];
    const api = this.requireApi();
    const chunks = await Promise.all(
      chunkTerms('type:user', terms).map((chunk) =>
        this.searchAll<ZendeskUserRecord>(api, searchQuery('type:user', chunk), operation),
      ),
    );
    return uniqueById(chunks.flat()).filter(
      (u) => u.email !== null && wanted.has(u.email.toLowerCase()),
    );
  }

  private async cursorPage<T>(
    path: ZendeskPath,
    key: string,
    next: string | null,
    operation: OperationScope,
  ): Promise<ZendeskListPage<T>> {
    const api = this.requireApi();
    const body = await api.get<CursorPage & Record<string, T[] | undefined>>(
      next ?? path,
      next === null ? { 'page[size]': PER_PAGE } : {},
      operation,
    );
    const records = body[key] ?? [];
    operation.countRows(records.length);
    return {
      records,
      next: body.meta?.has_more && body.links?.next ? body.links.next : null,
    };
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

  /**
   * The tickets matching any of `keyword:value` through `search/export` (`filter[type]=ticket`;
   * the query itself must not name a type), one chunk per URL budget in parallel, each
   * followed along its cursor, which only goes forward one page at a time.
   */
  private async exportTickets(
    keyword: string,
    values: readonly string[],
    operation: OperationScope,
  ): Promise<ZendeskTicketRecord[]> {
    const terms = termsOf(keyword, values);
    if (terms.length === 0) return [];
    const api = this.requireApi();
    const chunks = await Promise.all(
      chunkTerms('', terms).map((chunk) => this.exportAll(api, searchQuery('', chunk), operation)),
    );
    return uniqueById(chunks.flat());
  }

  /** Every ticket of one export, following `links.next` to the last page. */
  private async exportAll(
    api: ZendeskApi,
    query: string,
    operation: OperationScope,
  ): Promise<ZendeskTicketRecord[]> {
    const results: ZendeskTicketRecord[] = [];
    let next: ZendeskPath | string | null = ['search', 'export'];
    const params = { query, 'filter[type]': 'ticket', 'page[size]': EXPORT_PAGE_SIZE };
    while (next !== null) {
      const body: ExportPage = await api.get<ExportPage>(
        next,
        typeof next === 'string' ? {} : params,
        operation,
      );
      operation.countRows(body.results.length);
      results.push(...body.results);
      next = body.meta?.has_more && body.links?.next ? body.links.next : null;
    }
    return results;
  }

  /**
   * Every result of one query: the first page tells the count, the others are read in
   * parallel, sorted by creation so the pages do not shift between calls.
   */
  private async searchAll<T extends { id: number }>(
    api: ZendeskApi,
    query: string,
    operation: OperationScope,
  ): Promise<T[]> {
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
    // At most 100 emails a query, one user each: more than Search returns means the query
    // is not what we think.
    if (first.count > SEARCH_RESULT_CAP)
      throw new Error(`Zendesk search matched ${first.count} results, past the 1,000 cap`);
    const pages = Math.ceil(first.count / PER_PAGE);
    const rest = await Promise.all(
      Array.from({ length: Math.max(0, pages - 1) }, (_, i) => page(i + 2)),
    );
    return uniqueById([first, ...rest].flatMap((p) => p.results));
  }
}

/** `keyword:value` terms of these values, without the ones that cannot be written safely. */
function termsOf(keyword: string, values: readonly string[]): string[] {
  const terms = new Set<string>();
  for (const value of values) {
    const term = searchTerm(keyword, value);
    if (term !== undefined) terms.add(term);
  }
  return [...terms];
}
