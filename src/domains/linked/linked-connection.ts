import { BadUserInputError } from '../../errors';
import type { ConnectionDocs, ConnectionShape, EdgeShape } from '../shared/connection.types';
import { DEFAULT_MAX_LINKED_PAGE } from './linked-limits';

/** Where an item sits in its list: newest first, ties broken by id (descending). */
export interface LinkedSortKey {
  /** Milliseconds since the epoch (created, updated, transaction date). */
  time: number;
  id: string;
}

function encode(kind: string, key: LinkedSortKey): string {
  return Buffer.from(JSON.stringify([kind, key.time, key.id])).toString('base64url');
}

function decode(kind: string, cursor: string): LinkedSortKey {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 3 &&
      value[0] === kind &&
      typeof value[1] === 'number' &&
      Number.isFinite(value[1]) &&
      typeof value[2] === 'string'
    ) {
      return { time: value[1], id: value[2] };
    }
  } catch {
    // fall through: reported below
  }
  throw new BadUserInputError(`"after" is not a cursor of this ${kind} list`, {
    argument: 'after',
  });
}

/** Newest first, then id descending: the order every linked connection pages in. */
export function compareLinked(a: LinkedSortKey, b: LinkedSortKey): number {
  if (a.time !== b.time) return b.time - a.time;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * A Relay connection over one account's linked items, already fetched in full by a batched
 * loader (so `customer360` shares them). Keyset cursors: an item removed between two pages
 * neither repeats nor skips another.
 */
export function linkedConnection<T>(
  kind: string,
  items: readonly T[],
  keyOf: (item: T) => LinkedSortKey,
  args: { first?: number | null; after?: string | null },
  defaultFirst = 20,
): ConnectionShape<T> {
  const first = args.first ?? defaultFirst;
  if (!Number.isInteger(first) || first < 0 || first > DEFAULT_MAX_LINKED_PAGE) {
    throw new BadUserInputError(`"first" must be between 0 and ${DEFAULT_MAX_LINKED_PAGE}`, {
      argument: 'first',
    });
  }
  const sorted = [...items].sort((a, b) => compareLinked(keyOf(a), keyOf(b)));
  let start = 0;
  if (args.after) {
    const after = decode(kind, args.after);
    start = sorted.findIndex((item) => compareLinked(keyOf(item), after) > 0);
    if (start < 0) start = sorted.length;
  }
  const page = sorted.slice(start, start + first);
  const edges: Array<EdgeShape<T>> = page.map((node) => ({
    node,
    cursor: encode(kind, keyOf(node)),
  }));
  return {
    edges,
    nodes: page,
    pageInfo: {
      hasNextPage: start + first < sorted.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount: sorted.length,
  };
}

/** The schema text of a linked connection: `items` such as "Stripe payments of the Account". */
export function linkedConnectionDocs(items: string): ConnectionDocs {
  return {
    page: `A page of the ${items}, newest first`,
    totalCount: `How many of the ${items} there are across all pages (after the \`status\` filter). Costs no extra call: the list is read whole once per request (batched across the page's parents) and paged by the gateway.`,
  };
}
