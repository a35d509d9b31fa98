import { createLogger } from '../logging/logger';
import { createCacheStore } from './cache-store';
import { CrossRequestCache, type CacheRead } from './cross-request-cache';

const logger = createLogger('silent');

async function newCache(
  options: {
    ttlMs?: number;
    fallbackTtlMs?: number;
    stampsFail?: () => boolean;
    recordsFail?: () => boolean;
  } = {},
) {
  const created = await createCacheStore({
    namespace: 'unit',
    maxEntries: 100,
    maxBytes: 1_000_000,
    recordVersionTtlMs: 600_000,
    logger,
  });
  // A store whose stamp counter can fail on demand (Redis `INCR` during an outage).
  const stampsFail = options.stampsFail;
  const recordsFail = options.recordsFail;
  const store = {
    ...created,
    ...(stampsFail === undefined
      ? {}
      : {
          nextStamp: () =>
            stampsFail() ? Promise.reject(new Error('store down')) : created.nextStamp(),
        }),
    // Record stamps that can fail on demand (Redis commands during an outage).
    ...(recordsFail === undefined
      ? {}
      : {
          records: new Proxy(created.records, {
            get(target, property) {
              const value: unknown = Reflect.get(target, property);
              if (typeof value !== 'function') return value;
              if (recordsFail() && (property === 'set' || property === 'getMany'))
                return () => Promise.reject(new Error('store down'));
              return (value as (...args: unknown[]) => unknown).bind(target);
            },
          }),
        }),
  };
  const lookups: string[] = [];
  const cache = new CrossRequestCache({
    store,
    knownTypes: ['Account', 'Contact', 'Opportunity'],
    ttlMs: options.ttlMs ?? 60_000,
    fallbackTtlMs: options.fallbackTtlMs ?? 60_000,
    observer: {
      lookup: (label, outcome) => lookups.push(`${label}:${outcome}`),
      invalidated: () => {},
    },
    healthCheckMs: 3_600_000,
  });
  return { cache, lookups };
}

const read = (overrides: Partial<CacheRead> = {}): CacheRead => ({
  scope: 'org:rep1',
  kind: 'query',
  text: 'SELECT Id FROM Opportunity',
  dependsOn: ['Opportunity', 'Account'],
  label: 'Opportunity',
  ...overrides,
});

/** A loader that counts its calls and answers the current "upstream" value. */
function upstream(initial: string) {
  const state = { value: initial, calls: 0 };
  return {
    state,
    load: async () => {
      state.calls += 1;
      return { rows: [state.value] };
    },
  };
}

describe('CrossRequestCache', () => {
  it('answers a repeated read from the cache, separately per scope, kind and text', async () => {
    const { cache, lookups } = await newCache();
    const sf = upstream('a');
    expect(await cache.read(read(), sf.load)).toEqual({ rows: ['a'] });
    expect(await cache.read(read(), sf.load)).toEqual({ rows: ['a'] });
    expect(sf.state.calls).toBe(1);
    await cache.read(read({ scope: 'org:rep2' }), sf.load);
    await cache.read(read({ kind: 'queryAll' }), sf.load);
    await cache.read(read({ text: 'SELECT Id FROM Opportunity LIMIT 1' }), sf.load);
    expect(sf.state.calls).toBe(4);
    expect(lookups.slice(0, 2)).toEqual(['Opportunity:miss', 'Opportunity:hit']);
    expect(cache.status()).toMatchObject({ hits: 1, misses: 4, store: 'memory' });
  });

  it('drops the entries of an invalidated type (for every scope) and keeps the others', async () => {
    const { cache } = await newCache();
    const opp = upstream('a');
    const contact = upstream('c');
    const contactRead = read({ text: 'SELECT Id FROM Contact', dependsOn: ['Contact'] });
    await cache.read(read(), opp.load);
    await cache.read(read({ scope: 'org:manager' }), opp.load);
    await cache.read(contactRead, contact.load);
    opp.state.value = 'b';
    await cache.invalidate(['Account'], 'change-event');
    expect(await cache.read(read(), opp.load)).toEqual({ rows: ['b'] });
    expect(await cache.read(read({ scope: 'org:manager' }), opp.load)).toEqual({ rows: ['b'] });
    await cache.read(contactRead, contact.load);
    expect(contact.state.calls).toBe(1);
    await cache.invalidate('all', 'refresh');
    await cache.read(contactRead, contact.load);
    expect(contact.state.calls).toBe(2);
  });

  it('never serves rows read before an invalidation that landed while the read was in flight', async () => {
    const { cache } = await newCache();
    let release: () => void = () => {};
    const slowOld = () =>
      new Promise<{ rows: string[] }>((resolve) => {
        release = () => resolve({ rows: ['old'] });
      });
    const pending = cache.read(read(), slowOld);
    await new Promise((resolve) => setImmediate(resolve));
    // The write commits and is invalidated while the old rows are still on their way.
    await cache.invalidate(['Opportunity'], 'write');
    release();
    expect(await pending).toEqual({ rows: ['old'] });
    const fresh = upstream('new');
    expect(await cache.read(read(), fresh.load)).toEqual({ rows: ['new'] });
  });

  it('treats an unknown type or an `all` read as depending on everything', async () => {
    const { cache } = await newCache();
    const sf = upstream('a');
    const anything = read({ dependsOn: 'all', label: 'search' });
    await cache.read(anything, sf.load);
    await cache.invalidate(['Contact'], 'change-event');
    await cache.read(anything, sf.load);
    expect(sf.state.calls).toBe(2);
    await cache.read(read(), sf.load);
    await cache.invalidate(['Case'], 'change-event');
    await cache.read(read(), sf.load);
    expect(sf.state.calls).toBe(4);
  });

  it('does not keep what `cacheable` refuses', async () => {
    const { cache } = await newCache();
    const sf = upstream('a');
    await cache.read(read(), sf.load, () => false);
    await cache.read(read(), sf.load, () => false);
    expect(sf.state.calls).toBe(2);
  });

  it('drops everything when change events stop, and says it relies on the TTL', async () => {
    const { cache } = await newCache({ ttlMs: 60_000, fallbackTtlMs: 5_000 });
    let healthy = true;
    cache.watchChangeStream(() => healthy);
    expect(cache.status()).toMatchObject({ invalidation: 'change-events', ttlMs: 60_000 });
    const sf = upstream('a');
    await cache.read(read(), sf.load);
    await cache.read(read(), sf.load);
    expect(sf.state.calls).toBe(1);
    healthy = false;
    await cache.read(read(), sf.load);
    expect(sf.state.calls).toBe(2);
    expect(cache.status()).toMatchObject({ invalidation: 'ttl-only', ttlMs: 5_000 });
    await cache.close();
  });
});

describe('CrossRequestCache facets and records', () => {
  type Rows = Array<{ Id: string; v: string }>;
  const fine = (overrides: Partial<CacheRead> = {}): CacheRead =>
    read({
      text: 'SELECT Id, Phone FROM Account ORDER BY Name',
      dependsOn: [],
      facets: [{ type: 'Account', names: ['rows', 'name'] }],
      rowIds: ((rows: Rows) => rows.map((r) => r.Id)) as CacheRead['rowIds'],
      label: 'Account',
      ...overrides,
    });

  function rowsUpstream(rows: Rows) {
    let calls = 0;
    return {
      rows,
      load: async (): Promise<Rows> => {
        calls += 1;
        return rows.map((r) => ({ ...r }));
      },
      calls: () => calls,
    };
  }

  it('keeps an entry when an update touches neither its records nor its facets', async () => {
    const { cache } = await newCache();
    const up = rowsUpstream([{ Id: 'a1', v: 'x' }]);
    await cache.read(fine(), up.load);
    await cache.invalidateRecords('Account', ['a2'], ['~derived', 'phone'], 'change-event');
    expect(await cache.read(fine(), up.load)).toEqual([{ Id: 'a1', v: 'x' }]);
    expect(up.calls()).toBe(1);
  });

  it('drops it when one of its records is updated, or a facet it reads changes', async () => {
    const { cache } = await newCache();
    const up = rowsUpstream([{ Id: 'a1', v: 'x' }]);
    await cache.read(fine(), up.load);
    await cache.invalidateRecords('Account', ['a1'], ['~derived', 'phone'], 'write');
    await cache.read(fine(), up.load);
    expect(up.calls()).toBe(2);
    await cache.invalidateRecords('Account', ['zz'], ['name'], 'write');
    await cache.read(fine(), up.load);
    expect(up.calls()).toBe(3);
    // A type-wide drop (a create, a refresh) reaches facet entries through their `rows` facet.
    await cache.invalidate(['Account'], 'refresh');
    await cache.read(fine(), up.load);
    expect(up.calls()).toBe(4);
  });

  it('never keeps rows read while an update of them was committing', async () => {
    const { cache } = await newCache();
    const up = rowsUpstream([{ Id: 'a1', v: 'old' }]);
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const racing = cache.read(fine(), async () => {
      const rows = await up.load();
      await gate; // Salesforce answered with the old row; the update lands now.
      return rows;
    });
    await new Promise((resolve) => setImmediate(resolve));
    up.rows[0] = { Id: 'a1', v: 'new' };
    await cache.invalidateRecords('Account', ['a1'], ['phone'], 'write');
    release();
    expect(await racing).toEqual([{ Id: 'a1', v: 'old' }]);
    expect(await cache.read(fine(), up.load)).toEqual([{ Id: 'a1', v: 'new' }]);
  });

  it('a refresh read stores without looking up, and counts no lookup', async () => {
    const { cache, lookups } = await newCache();
    const up = rowsUpstream([{ Id: 'a1', v: 'x' }]);
    await cache.read(fine(), up.load);
    up.rows[0] = { Id: 'a1', v: 'y' };
    expect(await cache.read(fine({ refresh: true }), up.load)).toEqual([{ Id: 'a1', v: 'y' }]);
    expect(await cache.read(fine(), up.load)).toEqual([{ Id: 'a1', v: 'y' }]);
    expect(up.calls()).toBe(2);
    expect(lookups).toEqual(['Account:miss', 'Account:hit']);
  });

  it('with record facets, an update of a field the entry does not show keeps it', async () => {
    const { cache } = await newCache();
    const up = rowsUpstream([{ Id: 'a1', v: 'x' }]);
    const showing = fine({ recordFacets: ['id', 'phone'] });
    await cache.read(showing, up.load);
    await cache.invalidateRecords('Account', ['a1'], ['~derived', 'website'], 'write');
    await cache.read(showing, up.load);
    expect(up.calls()).toBe(1);
    await cache.invalidateRecords('Account', ['a1'], ['~derived', 'phone'], 'write');
    await cache.read(showing, up.load);
    expect(up.calls()).toBe(2);
  });

  it('concurrent misses of one entry share one load, each with its own copy', async () => {
    const { cache } = await newCache();
    const up = rowsUpstream([{ Id: 'a1', v: 'x' }]);
    const [a, b, c] = await Promise.all([
      cache.read(fine(), up.load),
      cache.read(fine(), up.load),
      cache.read(fine(), up.load),
    ]);
    expect(up.calls()).toBe(1);
    expect(b).toEqual(a);
    expect(c).not.toBe(b);
  });

  it('a miss arriving after an update of a record the load in flight returns does not join it', async () => {
    const { cache } = await newCache();
    const up = rowsUpstream([{ Id: 'a1', v: 'old' }]);
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = cache.read(fine(), async () => {
      const rows = await up.load();
      await gate;
      return rows;
    });
    await new Promise((resolve) => setImmediate(resolve));
    up.rows[0] = { Id: 'a1', v: 'new' };
    await cache.invalidateRecords('Account', ['a1'], ['phone'], 'write');
    const second = cache.read(fine(), up.load);
    release();
    expect(await first).toEqual([{ Id: 'a1', v: 'old' }]);
    expect(await second).toEqual([{ Id: 'a1', v: 'new' }]);
    expect(up.calls()).toBe(2);
  });

  it('without a stamp it neither keeps a record read nor trusts an update to spare entries', async () => {
    let failing = true;
    const { cache } = await newCache({ stampsFail: () => failing });
    const up = rowsUpstream([{ Id: 'a1', v: 'x' }]);
    // The read cannot be stamped: answered, not kept.
    await cache.read(fine(), up.load);
    await cache.read(fine(), up.load);
    expect(up.calls()).toBe(2);
    failing = false;
    await cache.read(fine(), up.load);
    await cache.read(fine(), up.load);
    expect(up.calls()).toBe(3);
    // An update that cannot be stamped drops the whole type instead of its records.
    failing = true;
    await cache.invalidateRecords('Account', ['zz'], ['website'], 'write');
    failing = false;
    await cache.read(fine(), up.load);
    expect(up.calls()).toBe(4);
  });

  it('an update whose record stamps cannot be written drops the type; unreadable stamps are a miss', async () => {
    let failing = false;
    const { cache } = await newCache({ recordsFail: () => failing });
    const up = rowsUpstream([{ Id: 'a1', v: 'x' }]);
    await cache.read(fine(), up.load);
    await cache.read(fine(), up.load);
    expect(up.calls()).toBe(1);
    // The phone of a1 changes (the page shows it), but its stamp is lost.
    failing = true;
    await cache.invalidateRecords('Account', ['a1'], ['phone'], 'change-event');
    failing = false;
    await cache.read(fine(), up.load);
    expect(up.calls()).toBe(2);
    // Stamps that cannot be read vouch for nothing.
    failing = true;
    await cache.read(fine(), up.load);
    expect(up.calls()).toBe(3);
  });

  it('an unknown type still drops everything', async () => {
    const { cache } = await newCache();
    const up = rowsUpstream([{ Id: 'a1', v: 'x' }]);
    await cache.read(fine(), up.load);
    await cache.invalidateRecords('Case', ['500x'], ['status'], 'change-event');
    await cache.read(fine(), up.load);
    expect(up.calls()).toBe(2);
  });
});
