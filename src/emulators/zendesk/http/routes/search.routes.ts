import type { Router } from '../../../http-kit/router';
import type { Organization, Ticket, User } from '../../model/types';
import { findMatches, type SearchHit } from '../../search/search-matchers';
import { parseSearchQuery } from '../../search/search-query';
import { offsetPageUrl, offsetWindow, type ListRequest } from '../pagination';
import { organizationJson, ticketJson, userJson } from '../resource-json';
import { invalidAttribute, searchLimitExceeded, zendeskJson } from '../zendesk-replies';
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

export function addSearchRoutes(router: Router<ApiRoute>): void {
  router.add('GET', '/search', search).add('GET', '/search/count', count);
}
