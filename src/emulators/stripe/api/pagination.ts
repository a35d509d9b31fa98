import { createHash } from 'node:crypto';
import { stripeErrors } from '../model/stripe-error';
import type { RequestParams } from './request-params';

export interface ListObject<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  url: string;
}

export interface SearchResultObject<T> {
  object: 'search_result';
  data: T[];
  has_more: boolean;
  next_page: string | null;
  url: string;
  total_count?: number;
}

/**
 * Cursor pagination of a list endpoint over objects already filtered and sorted newest
 * first: `limit` (1-100), `starting_after` or `ending_before` (an object id of this list).
 */
export function listPage<T extends { id: string }>(
  items: readonly T[],
  params: RequestParams,
  url: string,
  objectName: string,
): ListObject<T> {
  const limit = params.limit();
  const startingAfter = params.string('starting_after');
  const endingBefore = params.string('ending_before');
  if (startingAfter !== undefined && endingBefore !== undefined) {
    throw stripeErrors.invalidValue(
      'ending_before',
      'You may only specify one of these parameters: ending_before, starting_after.',
    );
  }
  const cursor = startingAfter ?? endingBefore;
  if (cursor === undefined) {
    return { object: 'list', data: items.slice(0, limit), has_more: items.length > limit, url };
  }
  const index = items.findIndex((item) => item.id === cursor);
  if (index < 0) {
    throw stripeErrors.noSuchObject(
      objectName,
      cursor,
      startingAfter !== undefined ? 'starting_after' : 'ending_before',
    );
  }
  if (startingAfter !== undefined) {
    const rest = items.slice(index + 1);
    return { object: 'list', data: rest.slice(0, limit), has_more: rest.length > limit, url };
  }
  const before = items.slice(0, index);
  const start = Math.max(0, before.length - limit);
  return { object: 'list', data: before.slice(start), has_more: start > 0, url };
}

/**
 * Page-token pagination of a search endpoint. The token is opaque to the client and bound
 * to its query: reusing it with another query is rejected, as Stripe does.
 */
export function searchPage<T>(
  matches: readonly T[],
  query: string,
  params: RequestParams,
  url: string,
  withTotalCount: boolean,
): SearchResultObject<T> {
  const limit = params.limit();
  const page = params.string('page');
  const offset = page === undefined ? 0 : decodePageToken(page, query);
  const data = matches.slice(offset, offset + limit);
  const hasMore = offset + limit < matches.length;
  const result: SearchResultObject<T> = {
    object: 'search_result',
    data,
    has_more: hasMore,
    next_page: hasMore ? encodePageToken(query, offset + limit) : null,
    url,
  };
  if (withTotalCount) result.total_count = matches.length;
  return result;
}

function queryDigest(query: string): string {
  return createHash('sha256').update(query).digest('base64url').slice(0, 12);
}

function encodePageToken(query: string, offset: number): string {
  return Buffer.from(JSON.stringify({ q: queryDigest(query), o: offset })).toString('base64url');
}

function decodePageToken(token: string, query: string): number {
  try {
    const value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown;
    if (typeof value === 'object' && value !== null) {
      const { q, o } = value as { q?: unknown; o?: unknown };
      if (q === queryDigest(query) && typeof o === 'number' && Number.isInteger(o) && o >= 0)
        return o;
    }
  } catch {
    // falls through to the error below
  }
  throw stripeErrors.invalidValue('page', `Invalid page: ${token}`);
}
