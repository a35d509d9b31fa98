import type { CrossRequestCache } from '../../cache';
import { currentOperationScope } from '../operation-scope';
import type { QueryPage, SalesforceClient } from './client';
import { countRecords } from './paging';
import { CACHEABLE_OBJECTS, soqlDependencies } from './soql/soql-dependencies';
import type { SObjectName, SalesforceRecord } from './soql';

/** Whether this operation may answer reads from the cache (queries: yes; mutations: no). */
export interface CacheReadPolicy {
  useCache: boolean;
}

export interface CachedClientOptions {
  cache: CrossRequestCache;
  /** Visibility scope of whoever `client` acts as (`orgId:userId`). */
  scope: string;
  policy: CacheReadPolicy;
}

/** What each write can change: its object, and for a delete the rows it cascades to. */
const CONVERT_TOUCHES: readonly SObjectName[] = ['Lead', 'Account', 'Contact', 'Opportunity'];

/**
 * A locator (`nextRecordsUrl`, top level or in a child subquery) is a server-side cursor that
 * expires: a result holding one is not kept, or a later queryMore would follow a dead cursor.
 */
const holdsLocator = (value: unknown): boolean =>
  JSON.stringify(value).includes('"nextRecordsUrl"');

/**
 * `client` reading through the cross-request cache: queries, search and retrieve are answered
 * from entries of the same visibility scope and exact request text when present; every write
 * drops the entries of the objects it touches before it returns, whatever its outcome (a
 * failed collection may still have saved some rows). `queryMore` follows a live cursor and
 * is never cached. Rows served from the cache still count against the operation's rows
 * budget, so an operation refused uncached is refused cached too.
 */
export function cacheSalesforceClient(
  client: SalesforceClient,
  options: CachedClientOptions,
): SalesforceClient {
  const { cache, scope, policy } = options;

  function counted<T>(value: T, records: unknown[]): T {
    currentOperationScope()?.countRows(countRecords(records));
    return value;
  }

  async function soqlRead<T>(
    kind: string,
    soql: string,
    load: () => Promise<T>,
    records: (value: T) => unknown[],
  ): Promise<T> {
    if (!policy.useCache) return load();
    const deps = soqlDependencies(soql);
    let loaded = false;
    const value = await cache.read(
      { scope, kind, text: soql, dependsOn: deps.dependsOn, label: deps.object ?? 'other' },
      () => {
        loaded = true;
        return load();
      },
      (result) => !holdsLocator(result),
    );
    // The inner client counted what it loaded; a hit is counted here.
    return loaded ? value : counted(value, records(value));
  }

  async function written<T>(touched: readonly SObjectName[] | 'all', run: () => Promise<T>) {
    try {
      return await run();
    } finally {
      await cache.invalidate(touched, 'write');
    }
  }

  return {
    query<T extends SalesforceRecord = SalesforceRecord>(soql: string) {
      return soqlRead(
        'query',
        soql,
        () => client.query<T>(soql),
        (page: QueryPage<T>) => page.records,
      );
    },
    queryMore: (url) => client.queryMore(url),
    queryAll<T extends SalesforceRecord = SalesforceRecord>(
      soql: string,
      queryOptions: { includeDeleted?: boolean } = {},
    ) {
      return soqlRead(
        queryOptions.includeDeleted === true ? 'queryAll+deleted' : 'queryAll',
        soql,
        () => client.queryAll<T>(soql, queryOptions),
        (rows: T[]) => rows,
      );
    },
    async search<T extends SalesforceRecord = SalesforceRecord>(sosl: string) {
      if (!policy.useCache) return client.search<T>(sosl);
      let loaded = false;
      const rows = await cache.read(
        { scope, kind: 'search', text: sosl, dependsOn: 'all', label: 'search' },
        () => {
          loaded = true;
          return client.search<T>(sosl);
        },
      );
      return loaded ? rows : counted(rows, rows);
    },
    async retrieve(object, ids, fields) {
      if (!policy.useCache) return client.retrieve(object, ids, fields);
      const deps = soqlDependencies(`SELECT ${['Id', ...fields].join(', ')} FROM ${object}`);
      let loaded = false;
      const rows = await cache.read(
        {
          scope,
          kind: 'retrieve',
          text: JSON.stringify([object, ids, fields]),
          dependsOn: deps.dependsOn,
          label: object,
        },
        () => {
          loaded = true;
          return client.retrieve(object, ids, fields);
        },
      );
      return loaded
        ? rows
        : counted(
            rows,
            rows.filter((row) => row !== null),
          );
    },
    create: (object, records, dml) => written([object], () => client.create(object, records, dml)),
    update: (object, records, dml) => written([object], () => client.update(object, records, dml)),
    // A delete cascades (an Account's Contacts and Opportunities): every type is dropped.
    destroy: (object, ids, dml) => written('all', () => client.destroy(object, ids, dml)),
    convertLead: (request) => written(CONVERT_TOUCHES, () => client.convertLead(request)),
    // Sync targets (Stripe_Payment__c, Case, ...) are not graph types: reads of them depend on
    // every type, so only dropping every type reaches them.
    upsert: (object, field, records, dml) =>
      written('all', () => client.upsert(object, field, records, dml)),
    apiUsage: () => client.apiUsage(),
    identity: () => client.identity(),
  };
}

export { CACHEABLE_OBJECTS };
