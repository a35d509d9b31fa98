import type { Router } from '../../../http-kit/router';
import type { Organization, Ticket, User } from '../../model/types';
import { findMatches, type SearchHit } from '../../search/search-matchers';
import { parseSearchQuery } from '../../search/search-query';
import { offsetPageUrl, offsetWindow, positiveInt, type ListRequest } from '../pagination';
import { organizationJson, ticketJson, userJson } from '../resource-json';
import {
  invalidAttribute,
  searchLimitExceeded,
  ZendeskApiError,
  zendeskJson,
} from '../zendesk-replies';
import type { ApiRequest, ApiRoute } from './api-route';

/** The Search API returns at most this many results per query, however many match. */
export const SEARCH_RESULT_LIMIT = 1000;

const SORTS: Record<string, (hit: SearchHit) => string | number> = {
  created_at: (h) => h.record.created_at,
  updated_at: (h) => h.record.updated_at,
  priority: (h) =>
    ['low', 'normal', 'high', 'urgent'].indexOf(String((h.record as Ticket).priority)),
  status: (h) =>
    ['new', 'open', 'pending', 'hold', 'solved', 'closed'].indexOf(
      String((h.record as Ticket).status),
    ),
  ticket_type: (h) => String((h.record as Ticket).type ?? ''),
};

function searchHits(req: ApiRequest, action: string): SearchHit[] {
  // Search pages by offset only: the cursor spelling is refused, as Zendesk refuses it.
  if (req.query.has('page[size]') || req.query.has('page[after]'))
    throw invalidAttribute('page', 'page must be an integer', action);
  const { types, terms } = parseSearchQuery(req.query.get('query') ?? '');
  const hits = findMatches(types, terms, { store: req.store, now: req.now });
  const sortBy = req.query.get('sort_by');
  const key = sortBy ? SORTS[sortBy] : undefined;
  if (key) {
    const direction = req.query.get('sort_order') === 'asc' ? 1 : -1;
    hits.sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      return (ka < kb ? -1 : ka > kb ? 1 : a.record.id - b.record.id) * direction;
    });
  }
  return hits;
}

function render(apiBase: string): (hit: SearchHit) => Record<string, unknown> {
  const json = {
    ticket: (r: SearchHit['record']) => ticketJson(apiBase)(r as Ticket),
    user: (r: SearchHit['record']) => userJson(apiBase)(r as User),
    organization: (r: SearchHit['record']) => organizationJson(apiBase)(r as Organization),
  };
  return (hit) => ({ ...json[hit.resultType](hit.record), result_type: hit.resultType });
}

/**
 * `GET /search.json?query=`: `results`, `facets`, `next_page`, `previous_page` and `count` (every
 * match). Pages beyond the first 1,000 results answer 422, yet the 10th page of 100 still links
 * to the 11th, as Zendesk's does: a client that follows `next_page` blindly hits the 422.
 */
const search: ApiRoute = {
  endpoint: 'search',
  handle: (req) => {
    const list: ListRequest = { ...req, path: 'search', action: 'search/index', key: 'results' };
    const hits = searchHits(req, list.action);
    const { page, perPage } = offsetWindow(list);
    const start = (page - 1) * perPage;
    if (start >= SEARCH_RESULT_LIMIT) throw searchLimitExceeded();
    const end = Math.min(start + perPage, SEARCH_RESULT_LIMIT);
    return zendeskJson(200, {
      results: hits.slice(start, end).map(render(req.apiBase)),
      facets: null,
      next_page: start + perPage < hits.length ? offsetPageUrl(list, page + 1, perPage) : null,
      previous_page: page > 1 ? offsetPageUrl(list, page - 1, perPage) : null,
      count: hits.length,
    });
  },
};

const count: ApiRoute = {
  endpoint: 'search.count',
  handle: (req) => zendeskJson(200, { count: searchHits(req, 'search/count').length }),
};

/** Export pages hold up to 1,000 results; Zendesk's default is 100. */
export const EXPORT_MAX_PAGE_SIZE = 1000;
const EXPORT_TYPES = ['ticket', 'user', 'organization', 'group'];

interface ExportCursor {
  created_at: string;
  id: number;
}

function encodeExportCursor(hit: SearchHit): string {
  const position: ExportCursor = { created_at: hit.record.created_at, id: hit.record.id };
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

function decodeExportCursor(cursor: string, action: string): ExportCursor {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<
      Record<keyof ExportCursor, unknown>
    >;
    if (typeof value.created_at === 'string' && Number.isInteger(value.id))
      return { created_at: value.created_at, id: value.id as number };
  } catch {
    // Falls through to the validation error below.
  }
  throw invalidAttribute(
    'page[after]',
    'page[after] must be a cursor from a previous page',
    action,
  );
}

function afterCursor(hit: SearchHit, cursor: ExportCursor): boolean {
  const created = hit.record.created_at;
  return (
    created > cursor.created_at || (created === cursor.created_at && hit.record.id > cursor.id)
  );
}

/**
 * `GET /search/export?query=&filter[type]=`: one result type (required in `filter[type]`; a
 * `type:` term in the query is refused), ordered by `created_at` only, under forward-only cursor
 * pagination (`page[size]` up to 1,000, `meta.after_cursor`, `links.next`, `links.prev` always
 * null) and with no cap on the results in total. There is no `count`.
 */
const exportResults: ApiRoute = {
  endpoint: 'search.export',
  handle: (req) => {
    const action = 'search/export';
    const type = req.query.get('filter[type]');
    if (type === null || !EXPORT_TYPES.includes(type))
      throw invalidAttribute(
        'filter[type]',
        `filter[type] must be one of ${EXPORT_TYPES.join(', ')}`,
        action,
      );
    if (req.query.has('page') || req.query.has('page[before]'))
      throw invalidAttribute('page', 'page must be a cursor hash', action);
    const size = positiveInt(req.query, 'page[size]', 100, EXPORT_MAX_PAGE_SIZE, action);
    const after = req.query.get('page[after]');
    const from = after === null ? undefined : decodeExportCursor(after, action);
    const { types, terms } = parseSearchQuery(req.query.get('query') ?? '');
    if (types.length > 0)
      throw new ZendeskApiError(
        zendeskJson(400, {
          error: 'invalid',
          description: 'Invalid search: type is given in filter[type], not in the query',
        }),
      );
    // The emulator keeps no groups: a group export matches nothing.
    const hits =
      type === 'group' ? [] : findMatches([type], terms, { store: req.store, now: req.now });
    hits.sort((a, b) =>
      a.record.created_at < b.record.created_at
        ? -1
        : a.record.created_at > b.record.created_at
          ? 1
          : a.record.id - b.record.id,
    );
    const later = from === undefined ? hits : hits.filter((h) => afterCursor(h, from));
    const page = later.slice(0, size);
    const hasMore = later.length > size;
    const last = page[page.length - 1];
    const cursor = last ? encodeExportCursor(last) : null;
    let next: string | null = null;
    if (hasMore && cursor !== null) {
      const params = new URLSearchParams(req.query);
      params.set('page[size]', String(size));
      params.set('page[after]', cursor);
      next = `${req.apiBase}/search/export.json?${params.toString()}`;
    }
    return zendeskJson(200, {
      results: page.map(render(req.apiBase)),
      facets: null,
      meta: { has_more: hasMore, after_cursor: cursor, before_cursor: null },
      links: { prev: null, next },
    });
  },
};

export function addSearchRoutes(router: Router<ApiRoute>): void {
  router
    .add('GET', '/search', search)
    .add('GET', '/search/count', count)
    .add('GET', '/search/export', exportResults);
}
