import {
  firstDifference,
  LINKED_ACCOUNTS_QUERY,
  LINKED_OPERATION,
  sortLinkedLists,
  walkPages,
  WALK_PAGE_QUERY,
} from './bench-operations';
import type { GraphQLPost } from './graphql-http-client';

function pages(count: number): { post: GraphQLPost; afters: Array<unknown> } {
  const afters: unknown[] = [];
  const post: GraphQLPost = (query, variables) => {
    expect(query).toBe(WALK_PAGE_QUERY);
    const after = variables?.after;
    afters.push(after);
    const index = after === undefined ? 0 : Number(String(after).slice(1)) + 1;
    return Promise.resolve({
      opportunities: {
        pageInfo: { hasNextPage: index < count - 1, endCursor: `c${index}` },
        nodes: [{ id: `o${index}` }],
      },
    });
  };
  return { post, afters };
}

describe('walkPages', () => {
  it('follows endCursor for ten sequential pages', async () => {
    const { post, afters } = pages(12);
    const seen = await walkPages(post);
    expect(seen).toHaveLength(10);
    expect(seen[9]).toEqual([{ id: 'o9' }]);
    expect(afters).toEqual([undefined, 'c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8']);
  });

  it('accepts a last page that ends exactly on the tenth', async () => {
    await expect(walkPages(pages(10).post)).resolves.toHaveLength(10);
  });

  it('fails clearly when the org has too few records for the walk', async () => {
    await expect(walkPages(pages(4).post)).rejects.toThrow('after 4 pages: raise BENCH_SCALE');
  });

  it('fails on an answer that is not an opportunities page', async () => {
    await expect(walkPages(() => Promise.resolve({ accounts: {} }))).rejects.toThrow(
      'not an opportunities page',
    );
  });
});

describe('the linked operation', () => {
  const answer = {
    accounts: {
      nodes: [
        {
          id: 'a1',
          payments: { nodes: [{ id: 'stripe-payment:pi_b' }, { id: 'stripe-payment:pi_a' }] },
          tickets: { nodes: [{ id: 'zendesk-ticket:9' }, { id: 'zendesk-ticket:10' }] },
          invoices: { nodes: [] },
          customer360: { health: 'WATCH', lifetimePayments: { amount: 1, currency: 'USD' } },
        },
        { id: 'a0', payments: { nodes: [{ id: 'x' }] } },
      ],
    },
  };

  it('sorts each linked list by id and leaves everything else in its order', () => {
    expect(sortLinkedLists(answer)).toEqual({
      accounts: {
        nodes: [
          {
            id: 'a1',
            payments: { nodes: [{ id: 'stripe-payment:pi_a' }, { id: 'stripe-payment:pi_b' }] },
            tickets: { nodes: [{ id: 'zendesk-ticket:10' }, { id: 'zendesk-ticket:9' }] },
            invoices: { nodes: [] },
            customer360: { health: 'WATCH', lifetimePayments: { amount: 1, currency: 'USD' } },
          },
          { id: 'a0', payments: { nodes: [{ id: 'x' }] } },
        ],
      },
    });
    // The input is not mutated: the first comparison and the timed runs see the same answer.
    expect(answer.accounts.nodes[0]?.payments.nodes[0]?.id).toBe('stripe-payment:pi_b');
  });

  it('posts the one query and answers it sorted', async () => {
    const seen: string[] = [];
    const data = await LINKED_OPERATION.run((query) => {
      seen.push(query);
      return Promise.resolve(answer);
    });
    expect(seen).toEqual([LINKED_ACCOUNTS_QUERY]);
    expect(data).toEqual(sortLinkedLists(answer));
    expect(LINKED_ACCOUNTS_QUERY).toContain('accounts(first: 50)');
  });
});

describe('firstDifference', () => {
  it('names the first differing path and both values', () => {
    const a = { accounts: { nodes: [{ id: 'a', c: { health: 'WATCH' } }, { id: 'b' }] } };
    const b = { accounts: { nodes: [{ id: 'a', c: { health: 'AT_RISK' } }, { id: 'c' }] } };
    expect(firstDifference(a, b)).toBe('accounts.nodes.0.c.health: "WATCH" vs "AT_RISK"');
    expect(firstDifference(a, structuredClone(a))).toBeUndefined();
  });

  it('reports lists of different lengths and keys only one side has', () => {
    expect(firstDifference({ l: [1, 2] }, { l: [1] })).toBe('l: 2 items vs 1');
    expect(firstDifference({ x: 1 }, { x: 1, y: null })).toBe('y: undefined vs null');
    expect(firstDifference(1, 2)).toBe('(root): 1 vs 2');
  });
});
