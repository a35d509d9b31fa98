import type { CrossRequestCache } from '../../cache';
import { currentOperationScope } from '../operation-scope';
import type { QueryPage, SalesforceClient, SaveResult } from './client';
import { countRecords } from './paging';
import { changesSharing, facetsOfUpdate } from './soql/cache-facets';
import { soqlCachePlan, soslCachePlan, type CachePlan } from './soql/soql-cache-plan';
import { CACHEABLE_OBJECTS } from './soql/soql-dependencies';
import type { SObjectName, SalesforceRecord } from './soql';

/** Whether this operation may answer reads from the cache (queries: yes; mutations: no). */
export interface CacheReadPolicy {
  useCache: boolean;
  /** Reads go to Salesforce but their answers are kept (a mutation's: the freshest there is). */
  fill?: boolean;
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
  const describeFields = client.describeFields?.bind(client);

  function counted<T>(value: T, records: unknown[]): T {
    currentOperationScope()?.countRows(countRecords(records));
    return value;
  }

  const idsOf = (records: readonly unknown[]): string[] | undefined => {
    const ids: string[] = [];
    for (const record of records) {
      if (record === null) continue;
      const id = (record as { Id?: unknown }).Id;
      if (typeof id !== 'string') return undefined;
      ids.push(id);
    }
    return ids;
  };

  async function planned<T>(
    kind: string,
    text: string,
    plan: CachePlan,
    load: () => Promise<T>,
    records: (value: T) => unknown[],
    cacheable: (value: T) => boolean = () => true,
  ): Promise<T> {
    if (!policy.useCache && policy.fill !== true) return load();
    let loaded = false;
    const value = await cache.read(
      {
        scope,
        kind,
        text,
        dependsOn: plan.types,
        facets: plan.facets,
        ...(plan.rows ? { rowIds: (loadedValue: T) => idsOf(records(loadedValue)) } : {}),
        ...(plan.recordFacets === undefined ? {} : { recordFacets: plan.recordFacets }),
        label: plan.object ?? kind,
        refresh: !policy.useCache,
      },
      () => {
        loaded = true;
        return load();
      },
      cacheable,
    );
    // The inner client counted what it loaded; a hit is counted here.
    return loaded ? value : counted(value, records(value));
  }

  const soqlRead = <T>(
    kind: string,
    soql: string,
    load: () => Promise<T>,
    records: (value: T) => unknown[],
  ): Promise<T> =>
    planned(kind, soql, soqlCachePlan(soql), load, records, (result) => !holdsLocator(result));

  async function written<T>(touched: readonly SObjectName[] | 'all', run: () => Promise<T>) {
    try {
      return await run();
    } finally {
      await cache.invalidate(touched, 'write');
    }
  }

  /**
   * An update drops only what the fields it sends can change (unless it moves sharing), and
   * tells the cache its change events are coming back, so they do not drop the same again.
   */
  async function updated(
    object: SObjectName,
    records: ReadonlyArray<{ Id: string } & Record<string, unknown>>,
    run: () => Promise<SaveResult[]>,
  ): Promise<SaveResult[]> {
    const fields = [...new Set(records.flatMap((record) => Object.keys(record)))].filter(
      (field) => field !== 'Id' && field !== 'attributes',
    );
    if (changesSharing(object, fields)) return written('all', run);
    const ids = records.map((record) => record.Id);
    const sent = fields.map((field) => field.toLowerCase());
    const echoes = ids.map((id) => cache.expectEcho(object, [id], sent));
    let results: SaveResult[] | undefined;
    try {
      results = await run();
      return results;
    } finally {
      await cache.invalidateRecords(object, ids, facetsOfUpdate(object, fields), 'write');
      echoes.forEach((echo, index) => {
        if (results?.[index]?.success === true) echo.arm();
        else echo.cancel();
      });
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
    search<T extends SalesforceRecord = SalesforceRecord>(sosl: string) {
      return planned(
        'search',
        sosl,
        soslCachePlan(sosl),
        () => client.search<T>(sosl),
        (rows: T[]) => rows,
      );
    },
    retrieve(object, ids, fields) {
      return planned(
        'retrieve',
        JSON.stringify([object, ids, fields]),
        soqlCachePlan(`SELECT ${['Id', ...fields].join(', ')} FROM ${object} WHERE Id IN ('')`),
        () => client.retrieve(object, ids, fields),
        (rows) => rows.filter((row) => row !== null),
      );
    },
    create: (object, records, dml) => written([object], () => client.create(object, records, dml)),
    update: (object, records, dml) =>
      updated(object, records, () => client.update(object, records, dml)),
    // A delete cascades (an Account's Contacts and Opportunities): every type is dropped.
    destroy: (object, ids, dml) => written('all', () => client.destroy(object, ids, dml)),
    convertLead: (request) => written(CONVERT_TOUCHES, () => client.convertLead(request)),
    // Sync targets (Stripe_Payment__c, Case, ...) are not graph types: reads of them depend on
    // every type, so only dropping every type reaches them.
    upsert: (object, field, records, dml) =>
      written('all', () => client.upsert(object, field, records, dml)),
    apiUsage: () => client.apiUsage(),
    identity: () => client.identity(),
    // Metadata, not records: the describe cache (describe-cache.ts) keeps it, by its own rules.
    ...(describeFields ? { describeFields } : {}),
  };
}

export { CACHEABLE_OBJECTS };
