import { walkPages, WALK_PAGE_QUERY } from './bench-operations';
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
