import type { GraphQLPost } from './graphql-http-client';

export type OperationId = 'accountsPage' | 'nestedOpportunities' | 'tenPageWalk' | 'linkedAccounts';

export interface BenchOperation {
  id: OperationId;
  label: string;
  /** Runs the operation once (possibly several HTTP requests) and answers what it read. */
  run(post: GraphQLPost): Promise<unknown>;
}

export const ACCOUNTS_PAGE_QUERY = `query AccountsPage {
  accounts(first: 50) {
    nodes { id name industry phone annualRevenue }
  }
}`;

export const NESTED_OPPORTUNITIES_QUERY = `query NestedOpportunities {
  opportunities(first: 200) {
    nodes {
      id
      account {
        name
        owner { name }
        contacts(first: 5) { nodes { email } }
      }
    }
  }
}`;

export const WALK_PAGE_QUERY = `query WalkPage($after: String) {
  opportunities(first: 50, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes { id name stageName amount }
  }
}`;

export const WALK_PAGES = 10;

interface WalkPage {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: unknown[];
}

function readWalkPage(data: unknown): WalkPage {
  if (typeof data === 'object' && data !== null && 'opportunities' in data) {
    const page = data.opportunities;
    if (
      typeof page === 'object' &&
      page !== null &&
      'pageInfo' in page &&
      'nodes' in page &&
      Array.isArray(page.nodes) &&
      typeof page.pageInfo === 'object' &&
      page.pageInfo !== null &&
      'hasNextPage' in page.pageInfo &&
      'endCursor' in page.pageInfo
    ) {
      const { hasNextPage, endCursor } = page.pageInfo;
      if (
        typeof hasNextPage === 'boolean' &&
        (typeof endCursor === 'string' || endCursor === null)
      ) {
        return { pageInfo: { hasNextPage, endCursor }, nodes: page.nodes };
      }
    }
  }
  throw new Error(`not an opportunities page: ${JSON.stringify(data).slice(0, 200)}`);
}

/** Ten sequential requests, each after the previous page's `endCursor`: one operation. */
export async function walkPages(post: GraphQLPost, pages = WALK_PAGES): Promise<unknown[][]> {
  const seen: unknown[][] = [];
  let after: string | null = null;
  for (let i = 0; i < pages; i += 1) {
    const page = readWalkPage(await post(WALK_PAGE_QUERY, after === null ? {} : { after }));
    seen.push(page.nodes);
    if (i === pages - 1) break;
    if (!page.pageInfo.hasNextPage || page.pageInfo.endCursor === null) {
      throw new Error(`the walk ran out of opportunities after ${i + 1} pages: raise BENCH_SCALE`);
    }
    after = page.pageInfo.endCursor;
  }
  return seen;
}

export const BENCH_OPERATIONS: readonly BenchOperation[] = [
  {
    id: 'accountsPage',
    label: '50 accounts (1 page)',
    run: (post) => post(ACCOUNTS_PAGE_QUERY),
  },
  {
    id: 'nestedOpportunities',
    label: '200 opps nested',
    run: (post) => post(NESTED_OPPORTUNITIES_QUERY),
  },
  {
    id: 'tenPageWalk',
    label: '10-page walk (50/page)',
    run: (post) => walkPages(post),
  },
];

export const LINKED_PAGE_SIZE = 50;

/**
 * Fields both servers compute from the same upstream values (ids, statuses, amounts, the
 * roll-up's counts). `first: 100` takes every item of an account (the seed has far fewer), so
 * neither server's page cut decides what is compared.
 */
export const LINKED_ACCOUNTS_QUERY = `query LinkedAccounts {
  accounts(first: ${LINKED_PAGE_SIZE}) {
    nodes {
      id
      name
      payments(first: 40) { nodes { id status amount { amount currency } } }
      tickets(first: 40) { nodes { id status } }
      invoices(first: 40) { nodes { id status total { amount currency } } }
      customer360 {
        health
        openTicketCount
        overdueInvoiceCount
        lifetimePayments { amount currency }
      }
    }
  }
}`;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function byId(a: unknown, b: unknown): number {
  const id = (v: unknown): string => (isRecord(v) && typeof v.id === 'string' ? v.id : '');
  return id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0;
}

/**
 * The answer with every linked list (`payments`, `tickets`, `invoices`) sorted by id. Both
 * servers list an account's items newest first, but items created in the same second (or on
 * the same invoice date) tie, and the tie-break is each server's own: the comparison is about
 * which items and values each answers, not how ties fall.
 */
export function sortLinkedLists(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortLinkedLists);
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const sorted = sortLinkedLists(v);
    const linked = ['payments', 'tickets', 'invoices'].includes(k);
    out[k] =
      linked && isRecord(sorted) && Array.isArray(sorted.nodes)
        ? { ...sorted, nodes: [...sorted.nodes].sort(byId) }
        : sorted;
  }
  return out;
}

export const LINKED_OPERATION: BenchOperation = {
  id: 'linkedAccounts',
  label: `${LINKED_PAGE_SIZE} accounts with payments, tickets, invoices and customer360`,
  run: async (post) => sortLinkedLists(await post(LINKED_ACCOUNTS_QUERY)),
};

/**
 * Where two answers first differ, as a path and both values (`accounts.nodes.3.customer360.health:
 * "WATCH" vs "AT_RISK"`); undefined when they are equal. The WARNING names it, since a long
 * answer's first few hundred characters often agree.
 */
export function firstDifference(a: unknown, b: unknown, path = ''): string | undefined {
  if (JSON.stringify(a) === JSON.stringify(b)) return undefined;
  const bothArrays = Array.isArray(a) && Array.isArray(b);
  if (bothArrays && a.length !== b.length) {
    return `${path || '(root)'}: ${a.length} items vs ${b.length}`;
  }
  if (bothArrays || (isRecord(a) && isRecord(b))) {
    const left = a as Record<string, unknown>;
    const right = b as Record<string, unknown>;
    for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
      const found = firstDifference(left[key], right[key], path ? `${path}.${key}` : key);
      if (found !== undefined) return found;
    }
  }
  return `${path || '(root)'}: ${JSON.stringify(a)?.slice(0, 200)} vs ${JSON.stringify(b)?.slice(0, 200)}`;
}
