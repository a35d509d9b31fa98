import { createCacheStore, CrossRequestCache } from '../../cache';
import { createLogger } from '../../logging/logger';
import { OperationScope, RowBudgetExceededError, runInOperationScope } from '../operation-scope';
import { cacheSalesforceClient, CACHEABLE_OBJECTS } from './cached-client';
import { SalesforceUpstreamError, type QueryPage, type SalesforceClient } from './client';

/** A client whose reads count calls and answer `rows`; writes fail when asked to. */
function fakeClient(rows: Array<Record<string, unknown>>, page: Partial<QueryPage<never>> = {}) {
  const calls: string[] = [];
  const fail = { writes: false };
  const client = {
    query: async (soql: string) => {
      calls.push(soql);
      return { totalSize: rows.length, done: true, records: rows, ...page };
    },
    update: async () => {
      calls.push('update');
      if (fail.writes) throw new SalesforceUpstreamError('locked', 'UNABLE_TO_LOCK_ROW');
      return [{ id: '006', success: true, errors: [] }];
    },
  } as unknown as SalesforceClient;
  return { client, calls, fail };
}

async function setup(rows: Array<Record<string, unknown>>, page?: Partial<QueryPage<never>>) {
  const store = await createCacheStore({
    namespace: 'unit',
    maxEntries: 100,
    maxBytes: 1_000_000,
    recordVersionTtlMs: 600_000,
    logger: createLogger('silent'),
  });
  const cache = new CrossRequestCache({
    store,
    knownTypes: CACHEABLE_OBJECTS,
    ttlMs: 60_000,
    fallbackTtlMs: 60_000,
  });
  const fake = fakeClient(rows, page);
  const policy = { useCache: true };
  const cached = cacheSalesforceClient(fake.client, { cache, scope: 'org:user', policy });
  return { ...fake, cached, policy };
}

const SOQL = 'SELECT Id, Account.Name FROM Opportunity';

describe('cacheSalesforceClient', () => {
  it('answers a repeated query from the cache, and not while the operation is a mutation', async () => {
    const { cached, calls, policy } = await setup([{ Id: '006' }]);
    await cached.query(SOQL);
    await cached.query(SOQL);
    expect(calls).toHaveLength(1);
    policy.useCache = false;
    await cached.query(SOQL);
    expect(calls).toHaveLength(2);
  });

  it('drops the entries of the written object before the write returns, also when it failed', async () => {
    const { cached, calls, fail } = await setup([{ Id: '006' }]);
    await cached.query(SOQL);
    fail.writes = true;
    await expect(cached.update('Account', [{ Id: '001', Name: 'x' }])).rejects.toThrow('locked');
    // The query read Account.Name: an Account write drops it.
    await cached.query(SOQL);
    expect(calls.filter((c) => c === SOQL)).toHaveLength(2);
  });

  it('keeps no result holding a query locator', async () => {
    const { cached, calls } = await setup([{ Id: '006' }], {
      done: false,
      nextRecordsUrl: '/services/data/v59.0/query/01g-2000',
    });
    await cached.query(SOQL);
    await cached.query(SOQL);
    expect(calls).toHaveLength(2);
  });

  it("counts rows served from the cache against the operation's rows budget", async () => {
    const { cached } = await setup([{ Id: '1' }, { Id: '2' }, { Id: '3' }]);
    await cached.query(SOQL);
    const scope = new OperationScope({ requestId: 'r', maxRows: 2 });
    await expect(runInOperationScope(scope, () => cached.query(SOQL))).rejects.toBeInstanceOf(
      RowBudgetExceededError,
    );
  });
});
