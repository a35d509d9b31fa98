import type { QueryPage, SalesforceClient } from '../client';
import { makeId } from '../../../emulators/salesforce/model/ids';
import type { SalesforceRecord } from '../soql';
import { createChildConnectionsLoader } from './child-connections.loader';
import { createGroupedCountLoader } from './grouped-count.loader';
import { readAllPages } from '../paging';
import { createRecordByIdLoader } from './record-by-id.loader';

type Answer = (soql: string) => QueryPage<SalesforceRecord>;

/** Counts every call, DataLoader-`loadCalls` style; loaders only read (query, queryMore, queryAll). */
function fakeClient(answer: Answer, more: Record<string, QueryPage<SalesforceRecord>> = {}) {
  const calls: string[] = [];
  const unused = (): never => {
    throw new Error('not used by loaders');
  };
  const query = async <T extends SalesforceRecord>(soql: string) => {
    calls.push(soql);
    return answer(soql) as QueryPage<T>;
  };
  const queryMore = async <T extends SalesforceRecord>(url: string) => {
    calls.push(url);
    const page = more[url];
    if (!page) throw new Error(`unknown locator ${url}`);
    return page as QueryPage<T>;
  };
  const client: SalesforceClient = {
    query,
    queryMore,
    // The jsforce client's paging, over this fake's batches.
    queryAll: async <T extends SalesforceRecord>(soql: string) =>
      readAllPages(await query<T>(soql), (url) => queryMore<T>(url)),
    search: unused,
    retrieve: unused,
    create: unused,
    update: unused,
    upsert: unused,
    destroy: unused,
    convertLead: unused,
    apiUsage: unused,
    identity: unused,
  };
  return { client, calls };
}

function idsIn(soql: string): string[] {
  const list = /\bIN\s*\(([^)]*)\)/i.exec(soql)?.[1] ?? '';
  return [...list.matchAll(/'([^']+)'/g)].map((match) => match[1] ?? '');
}

function page(
  records: SalesforceRecord[],
  done = true,
  nextRecordsUrl?: string,
): QueryPage<SalesforceRecord> {
  return { totalSize: records.length, done, nextRecordsUrl, records };
}

const accountIds = Array.from({ length: 450 }, (_, i) => makeId('001', i + 1));

describe('createRecordByIdLoader', () => {
  it('batches ≤200 Ids per query and answers in key order with null for missing ids', async () => {
    const missing = new Set([accountIds[3], accountIds[300]]);
    const { client, calls } = fakeClient((soql) =>
      // Answer in reverse order to prove results are re-aligned to the keys.
      page(
        idsIn(soql)
          .filter((id) => !missing.has(id))
          .reverse()
          .map((Id) => ({ Id, Name: `Account ${Id}` })),
      ),
    );
    const loader = createRecordByIdLoader(client, 'Account', ['Id', 'Name']);
    const results = await loader.loadMany(accountIds);

    expect(calls).toHaveLength(3);
    expect(calls.map((soql) => idsIn(soql).length)).toEqual([200, 200, 50]);
    expect(calls[0]).toMatch(/^SELECT Id, Name FROM Account WHERE Id IN \(/);
    results.forEach((result, i) => {
      if (missing.has(accountIds[i])) expect(result).toBeNull();
      else expect(result).toEqual({ Id: accountIds[i], Name: `Account ${accountIds[i]}` });
    });
  });

  it('dedupes repeated keys in one batch and memoizes across ticks', async () => {
    const { client, calls } = fakeClient((soql) => page(idsIn(soql).map((Id) => ({ Id }))));
    const loader = createRecordByIdLoader(client, 'Account', ['Id']);
    await Promise.all([
      loader.load(accountIds[0]!),
      loader.load(accountIds[0]!),
      loader.load(accountIds[1]!),
    ]);
    await loader.load(accountIds[1]!);
    expect(calls).toHaveLength(1);
    expect(idsIn(calls[0]!)).toEqual([accountIds[0], accountIds[1]]);
  });

  it('rejects every key of a failed batch with the upstream error', async () => {
    const { client } = fakeClient(() => {
      throw new Error('boom');
    });
    const loader = createRecordByIdLoader(client, 'Account', ['Id']);
    await expect(loader.load(accountIds[0]!)).rejects.toThrow('boom');
  });
});

describe('createChildConnectionsLoader', () => {
  it('loads the first page of every parent with one subquery SOQL per 200 parents', async () => {
    const { client, calls } = fakeClient((soql) =>
      page(
        idsIn(soql).map((Id, i) => ({
          Id,
          // Every third parent has no children: Salesforce sends null, not an empty list.
          Contacts:
            i % 3 === 0
              ? null
              : {
                  totalSize: 1,
                  done: true,
                  records: [{ Id: makeId('003', i + 1), Email: `c${i}@x.test` }],
                },
        })),
      ),
    );
    const loader = createChildConnectionsLoader(client, {
      parent: 'Account',
      relationship: 'Contacts',
      child: 'Contact',
      fields: ['Id', 'Email'],
      first: 5,
    });
    const pages = await loader.loadMany(accountIds.slice(0, 250));
    expect(calls).toHaveLength(2);
    expect(calls[0]).toContain(
      '(SELECT Id, Email FROM Contacts ORDER BY Id ASC NULLS FIRST LIMIT 6)',
    );
    expect(calls[0]).toMatch(/FROM Account WHERE Id IN \(/);
    const first = pages[0] as { records: SalesforceRecord[] };
    const second = pages[1] as { records: SalesforceRecord[]; sortKeys: unknown[] };
    expect(first.records).toEqual([]);
    expect(second.records).toEqual([{ Id: makeId('003', 2), Email: 'c1@x.test' }]);
    expect(second.sortKeys).toEqual([{ field: 'Id', direction: 'ASC', nulls: 'FIRST' }]);
  });

  it("follows a child subquery's own locator when Salesforce cut its rows short", async () => {
    const contact = (n: number): SalesforceRecord => ({ Id: makeId('003', n) });
    const range = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, i) => contact(from + i));
    const { client, calls } = fakeClient(
      () =>
        page([
          {
            Id: accountIds[0]!,
            // 200 rows of LIMIT 201 in this batch; the 201st tells whether a next page exists.
            Contacts: {
              totalSize: 250,
              done: false,
              nextRecordsUrl: '/services/data/v59.0/query/01gCHILD-200',
              records: range(0, 200),
            },
          },
          { Id: accountIds[1]!, Contacts: page([contact(900)]) },
        ]),
      {
        '/services/data/v59.0/query/01gCHILD-200': page(range(200, 250)),
      },
    );
    const loader = createChildConnectionsLoader(client, {
      parent: 'Account',
      relationship: 'Contacts',
      child: 'Contact',
      fields: ['Id'],
      first: 200,
    });
    const [big, small] = (await loader.loadMany([accountIds[0]!, accountIds[1]!])) as Array<{
      records: SalesforceRecord[];
    }>;
    // first + 1 rows, so the connection can tell there is a next page.
    expect(big!.records).toEqual(range(0, 201));
    expect(small!.records).toEqual([contact(900)]);
    expect(calls).toHaveLength(2);
    expect(calls[1]).toBe('/services/data/v59.0/query/01gCHILD-200');
  });

  it('does not follow a child locator once it holds first + 1 rows', async () => {
    const { client, calls } = fakeClient(() =>
      page([
        {
          Id: accountIds[0]!,
          Contacts: {
            totalSize: 9,
            done: false,
            nextRecordsUrl: '/services/data/v59.0/query/01gCHILD-3',
            records: [{ Id: makeId('003', 1) }, { Id: makeId('003', 2) }, { Id: makeId('003', 3) }],
          },
        },
      ]),
    );
    const loader = createChildConnectionsLoader(client, {
      parent: 'Account',
      relationship: 'Contacts',
      child: 'Contact',
      fields: ['Id'],
      first: 2,
    });
    const result = await loader.load(accountIds[0]!);
    expect(result.records).toHaveLength(3);
    expect(calls).toHaveLength(1);
  });

  it('gives an empty page to a parent Salesforce did not return (deleted or not visible)', async () => {
    const { client } = fakeClient(() => page([]));
    const loader = createChildConnectionsLoader(client, {
      parent: 'Account',
      relationship: 'Opportunities',
      child: 'Opportunity',
      fields: ['Id'],
      first: 1,
    });
    await expect(loader.load(accountIds[0]!)).resolves.toMatchObject({ records: [] });
  });
});

describe('createGroupedCountLoader', () => {
  it('counts children of many parents in one GROUP BY query, 0 for parents without rows', async () => {
    const { client, calls } = fakeClient(() =>
      page([
        { Id: '', attributes: { type: 'AggregateResult' }, AccountId: accountIds[1], expr0: 7 },
        { Id: '', attributes: { type: 'AggregateResult' }, AccountId: accountIds[2], expr0: 2 },
      ]),
    );
    const loader = createGroupedCountLoader(client, { object: 'Contact', groupField: 'AccountId' });
    const counts = await loader.loadMany(accountIds.slice(0, 3));
    expect(counts).toEqual([0, 7, 2]);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatch(
      /^SELECT AccountId, COUNT\(Id\) FROM Contact WHERE AccountId IN \(.*\) GROUP BY AccountId$/,
    );
  });
});

describe('queryAll', () => {
  it('follows nextRecordsUrl until done', async () => {
    const { client, calls } = fakeClient(() => page([{ Id: 'a' }], false, '/query/01g-2000'), {
      '/query/01g-2000': page([{ Id: 'b' }]),
    });
    await expect(client.queryAll('SELECT Id FROM Account')).resolves.toEqual([
      { Id: 'a' },
      { Id: 'b' },
    ]);
    expect(calls).toEqual(['SELECT Id FROM Account', '/query/01g-2000']);
  });
});
