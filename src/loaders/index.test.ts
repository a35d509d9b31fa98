import type { Viewer } from '../auth/viewer';
import type { QueryPage, SalesforceClient } from '../upstreams/salesforce/client';
import type { SalesforceRecord } from '../upstreams/salesforce/soql';
import { makeId } from '../emulators/salesforce/model/ids';
import { createLoaders } from '.';

function countingClient() {
  const calls: string[] = [];
  const unused = (): never => {
    throw new Error('not used');
  };
  const query = async <T extends SalesforceRecord>(soql: string) => {
    calls.push(soql);
    const ids = [...soql.matchAll(/'([^']+)'/g)].map((m) => m[1] ?? '');
    return {
      totalSize: ids.length,
      done: true,
      records: ids.map((Id) => ({ Id })),
    } as QueryPage<T>;
  };
  const client: SalesforceClient = {
    query,
    queryMore: unused,
    queryAll: async <T extends SalesforceRecord>(soql: string) => (await query<T>(soql)).records,
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

const viewer = (cacheScope: string): Viewer => ({
  userId: makeId('005', 1),
  orgId: '00D000000000001AAA',
  username: 'u@example.com',
  mode: 'demo',
  cacheScope,
});

describe('createLoaders', () => {
  it('shares one loader, and so one batch, for the same field set in any order', async () => {
    const { client, calls } = countingClient();
    const loaders = createLoaders({ salesforce: client, viewer: viewer('org:a') });
    const a = loaders.salesforce.recordById('Account', ['Id', 'Name']);
    const b = loaders.salesforce.recordById('Account', ['Name', 'Id']);
    expect(a).toBe(b);
    await Promise.all([a.load(makeId('001', 1)), b.load(makeId('001', 2))]);
    expect(calls).toHaveLength(1);
  });

  it('keeps different field sets and objects apart so no batch misses a field', () => {
    const { client } = countingClient();
    const { salesforce } = createLoaders({ salesforce: client, viewer: viewer('org:a') });
    expect(salesforce.recordById('Account', ['Id'])).not.toBe(
      salesforce.recordById('Account', ['Id', 'Name']),
    );
    expect(salesforce.recordById('Account', ['Id'])).not.toBe(
      salesforce.recordById('Contact', ['Id']),
    );
    const spec = {
      parent: 'Account',
      relationship: 'Contacts',
      child: 'Contact',
      fields: ['Id'],
      first: 5,
    } as const;
    expect(salesforce.childConnections({ ...spec, fields: [...spec.fields] })).toBe(
      salesforce.childConnections({ ...spec, fields: [...spec.fields] }),
    );
    expect(salesforce.childConnections({ ...spec, fields: ['Id'], first: 6 })).not.toBe(
      salesforce.childConnections({ ...spec, fields: ['Id'] }),
    );
    expect(
      salesforce.groupedCount({
        object: 'Contact',
        groupField: 'AccountId',
        where: { email: { like: 'a%' } },
      }),
    ).not.toBe(salesforce.groupedCount({ object: 'Contact', groupField: 'AccountId' }));
  });

  it('answers a repeated equal spec with its loader and never hands a stale one to a new spec', () => {
    const { client } = countingClient();
    const { salesforce } = createLoaders({ salesforce: client, viewer: viewer('org:a') });
    const fields = ['Id', 'Email'];
    const spec = {
      parent: 'Account',
      relationship: 'Contacts',
      child: 'Contact',
      first: 5,
    } as const;
    const a = salesforce.childConnections({ ...spec, fields, where: null });
    // One field resolver call per parent row: equal specs, new objects each time.
    expect(salesforce.childConnections({ ...spec, fields, where: null })).toBe(a);
    const filtered = salesforce.childConnections({
      ...spec,
      fields,
      where: { email: { eq: 'x' } },
    });
    expect(filtered).not.toBe(a);
    expect(salesforce.childConnections({ ...spec, fields: ['Id'], where: null })).not.toBe(a);
    expect(salesforce.childConnections({ ...spec, fields, where: null, first: 6 })).not.toBe(a);
    // Back to the first spec after others: the family's map, not the last-spec shortcut.
    expect(salesforce.childConnections({ ...spec, fields: [...fields], where: null })).toBe(a);
    expect(salesforce.recordById('Account', fields)).toBe(salesforce.recordById('Account', fields));
    expect(salesforce.recordById('Contact', fields)).not.toBe(
      salesforce.recordById('Account', fields),
    );
  });

  it('gives every request its own loaders, scoped by the viewer', async () => {
    const { client, calls } = countingClient();
    const first = createLoaders({ salesforce: client, viewer: viewer('org:a|user:1') });
    const second = createLoaders({ salesforce: client, viewer: viewer('org:a|user:2') });
    expect(first.scope).toBe('org:a|user:1');
    await first.salesforce.recordById('Account', ['Id']).load(makeId('001', 1));
    await second.salesforce.recordById('Account', ['Id']).load(makeId('001', 1));
    expect(calls).toHaveLength(2);
  });
});
