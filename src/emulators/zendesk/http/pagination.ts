import { invalidAttribute } from './zendesk-replies';

/** What a list endpoint needs to page: where it lives, its JSON key and the request's query. */
export interface ListRequest {
  /** `http://host/api/v2`, as the client addressed it. */
  apiBase: string;
  /** Path under the API base without `.json`, e.g. `organizations/123/tickets`. */
  path: string;
  /** Zendesk's controller action, quoted in validation errors (`tickets/index`). */
  action: string;
  /** The JSON key of the records (`tickets`). */
  key: string;
  query: URLSearchParams;
}

export const MAX_PAGE_SIZE = 100;
const CURSOR_PARAMS = ['page[size]', 'page[after]', 'page[before]'];

/** Cursor pagination when the request names `page[size]` (or a cursor); offset otherwise. */
export function wantsCursor(query: URLSearchParams): boolean {
  return CURSOR_PARAMS.some((p) => query.has(p));
}

function encodeCursor(id: number): string {
  return Buffer.from(JSON.stringify({ o: 'id', v: id })).toString('base64');
}

function decodeCursor(cursor: string, name: string, action: string): number {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8')) as {
      o?: unknown;
      v?: unknown;
    };
    if (value.o === 'id' && typeof value.v === 'number' && Number.isInteger(value.v))
      return value.v;
  } catch {
    // Falls through to the validation error below.
  }
  throw invalidAttribute(name, `${name} must be a cursor from a previous page`, action);
}

/** A positive integer parameter within [1, max], or the default when absent. */
export function positiveInt(
  query: URLSearchParams,
  name: string,
  fallback: number,
  max: number,
  action: string,
): number {
  const raw = query.get(name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1)
    throw invalidAttribute(name, `${name} must be an integer`, action);
  if (value > max)
    throw invalidAttribute(name, `${name} must be less than or equal to ${max}`, action);
  return value;
}

function url(req: ListRequest, params: URLSearchParams): string {
  return `${req.apiBase}/${req.path}.json?${params.toString()}`;
}

/**
 * One page of `items` (ascending ids) under cursor pagination: `meta.has_more`,
 * `meta.after_cursor`/`before_cursor` and `links.next`/`prev` (absolute URLs under the
 * client's own endpoint, so node-zendesk follows them); `links.next` is null on the last page.
 */
export function cursorPage<T extends { id: number }>(
  items: T[],
  req: ListRequest,
  render: (item: T) => unknown,
): Record<string, unknown> {
  const size = positiveInt(req.query, 'page[size]', MAX_PAGE_SIZE, MAX_PAGE_SIZE, req.action);
  const after = req.query.get('page[after]');
  const before = req.query.get('page[before]');
  let page: T[];
  let hasMore: boolean;
  if (before !== null) {
    const until = decodeCursor(before, 'page[before]', req.action);
    const earlier = items.filter((i) => i.id < until);
    page = earlier.slice(Math.max(0, earlier.length - size));
    hasMore = earlier.length > size;
  } else {
    const from =
      after === null ? Number.NEGATIVE_INFINITY : decodeCursor(after, 'page[after]', req.action);
    const later = items.filter((i) => i.id > from);
    page = later.slice(0, size);
    hasMore = later.length > size;
  }
  const first = page[0];
  const last = page[page.length - 1];
  const link = (name: 'page[after]' | 'page[before]', cursor: string): string => {
    const params = new URLSearchParams(req.query);
    params.delete('page[after]');
    params.delete('page[before]');
    params.set('page[size]', String(size));
    params.set(name, cursor);
    return url(req, params);
  };
  const afterCursor = last ? encodeCursor(last.id) : null;
  const beforeCursor = first ? encodeCursor(first.id) : null;
  return {
    [req.key]: page.map(render),
    meta: { has_more: hasMore, after_cursor: afterCursor, before_cursor: beforeCursor },
    links: {
      prev: beforeCursor ? link('page[before]', beforeCursor) : null,
      next: hasMore && afterCursor ? link('page[after]', afterCursor) : null,
    },
  };
}

export interface OffsetWindow {
  page: number;
  perPage: number;
}

export function offsetWindow(req: ListRequest): OffsetWindow {
  return {
    page: positiveInt(req.query, 'page', 1, Number.MAX_SAFE_INTEGER, req.action),
    perPage: positiveInt(req.query, 'per_page', MAX_PAGE_SIZE, MAX_PAGE_SIZE, req.action),
  };
}

/** `page` and `per_page` first, then the request's other parameters, as Zendesk writes them. */
export function offsetPageUrl(req: ListRequest, page: number, perPage: number): string {
  const params = new URLSearchParams({ page: String(page), per_page: String(perPage) });
  const rest = [...req.query.entries()].filter(([k]) => k !== 'page' && k !== 'per_page');
  rest.sort(([a], [b]) => a.localeCompare(b));
  for (const [k, v] of rest) params.append(k, v);
  return url(req, params);
}

/** One page under offset pagination: `next_page`, `previous_page` (URLs or null) and `count`. */
export function offsetPage<T>(
  items: T[],
  req: ListRequest,
  render: (item: T) => unknown,
): Record<string, unknown> {
  const { page, perPage } = offsetWindow(req);
  const start = (page - 1) * perPage;
  return {
    [req.key]: items.slice(start, start + perPage).map(render),
    next_page: start + perPage < items.length ? offsetPageUrl(req, page + 1, perPage) : null,
    previous_page: page > 1 ? offsetPageUrl(req, page - 1, perPage) : null,
    count: items.length,
  };
}

/** A list endpoint that supports both: cursor when asked for, offset otherwise. */
export function listPage<T extends { id: number }>(
  items: T[],
  req: ListRequest,
  render: (item: T) => unknown,
): Record<string, unknown> {
  return wantsCursor(req.query) ? cursorPage(items, req, render) : offsetPage(items, req, render);
}
