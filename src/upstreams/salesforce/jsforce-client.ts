import type { Connection } from 'jsforce';
import type { SObjectName, SalesforceRecord } from './soql';
import type {
  ApiUsageInfo,
  DescribedField,
  LeadConvertRequest,
  LeadConvertResponse,
  QueryAllOptions,
  QueryPage,
  SalesforceClient,
  SalesforceIdentity,
  SaveResult,
  UpsertResult,
} from './client';
import { SalesforceUpstreamError } from './client';
import { observeCall } from './call-context';
import { normalizeSalesforceError } from './normalize-error';
import type { SalesforceSession } from './connection';
import { isRecord } from '../../lib/is-record';
import type { Logger } from '../../logging/logger';
import {
  currentOperationScope,
  OperationAbortedError,
  RowBudgetExceededError,
} from '../operation-scope';
import { UpstreamRejectedError, type UpstreamResilience } from '../resilience';
import { countRecords, readAllPages, toQueryPage } from './paging';
import { createSalesforceResilience } from './salesforce-resilience';
import type { ApiBudget } from './api-budget';

export interface JsforceClientOptions {
  /**
   * The process's Salesforce breaker, bulkhead, timeout and retries, shared by every client
   * (integration and per-user); a client of its own when absent (tests, scripts).
   */
  resilience?: UpstreamResilience;
  /** Upstream-call log lines outside any operation (an operation logs with its request id). */
  logger?: Logger;
  /** The org's daily API allocation, shared by every client: checked before each call. */
  budget?: ApiBudget;
}

type CallKind = 'read' | 'write';

/** The sObject collections limit (create, update, upsert). */
const MAX_COLLECTION = 200;

/** Salesforce answers composite retrieve for up to 2,000 ids. */
const MAX_RETRIEVE_IDS = 2000;

function toStringArray(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}

function toSaveErrors(value: unknown): SaveResult['errors'] {
  const list: unknown[] = Array.isArray(value)
    ? value
    : value === undefined || value === null
      ? []
      : [value];
  return list.filter(isRecord).map((e) => ({
    statusCode:
      typeof e.statusCode === 'string' ? e.statusCode : String(e.errorCode ?? 'UNKNOWN_EXCEPTION'),
    message: typeof e.message === 'string' ? e.message : '',
    fields: toStringArray(e.fields),
  }));
}

function toSaveResults(value: unknown): SaveResult[] {
  const list: unknown[] = Array.isArray(value) ? value : [value];
  return list.map((item) => {
    const result = isRecord(item) ? item : {};
    return {
      id: typeof result.id === 'string' ? result.id : null,
      success: result.success === true,
      errors: toSaveErrors(result.errors),
    };
  });
}

export function createJsforceClient(
  session: SalesforceSession,
  options: JsforceClientOptions = {},
): SalesforceClient {
  const resilience = options.resilience ?? createSalesforceResilience();

  /**
   * One Salesforce call of the operation running now (if any): refused before it starts
   * when the client went away or the rows budget is spent, then through the resilience
   * policy; each attempt carries the operation's request id and an abort signal.
   */
  async function call<T>(
    kind: CallKind,
    name: string,
    run: (conn: Connection) => Promise<T>,
  ): Promise<T> {
    const scope = currentOperationScope();
    const logger = scope?.logger ?? options.logger;
    const started = performance.now();
    scope?.assertCanCall();
    // Writes and a mutation's reads, identity and /limits may use the reserve, and so may the
    // gateway's own work outside any operation (CDC re-reads); a query's read above it is
    // answered by the cache or refused.
    const essential =
      kind === 'write' ||
      name === 'identity' ||
      name === 'limits' ||
      !scope ||
      scope.operationType === 'mutation';
    try {
      options.budget?.admit(essential);
    } catch (err) {
      logger?.debug(
        { upstream: 'salesforce', call: name, err },
        'upstream call refused: API budget',
      );
      throw err;
    }
    try {
      const result = await resilience.execute(
        (signal) => {
          // Retries and queued calls check again: the client may have left meanwhile.
          scope?.assertCanCall();
          return observeCall(
            async (observation) => {
              try {
                return await run(await session.connection());
              } catch (err) {
                if (scope?.signal.aborted) throw new OperationAbortedError();
                throw normalizeSalesforceError(err, observation.lastStatusCode);
              }
            },
            { signal, requestId: scope?.requestId },
          );
        },
        { idempotent: kind === 'read', ...(scope ? { signal: scope.signal } : {}) },
      );
      logger?.debug(
        { upstream: 'salesforce', call: name, ms: Math.round(performance.now() - started) },
        'upstream call',
      );
      return result;
    } catch (err) {
      const aborted = err instanceof OperationAbortedError || scope?.signal.aborted === true;
      const failure = aborted ? new OperationAbortedError() : err;
      const fields = {
        upstream: 'salesforce',
        call: name,
        ms: Math.round(performance.now() - started),
        err: failure,
      };
      if (
        failure instanceof SalesforceUpstreamError &&
        failure.errorCode === 'REQUEST_LIMIT_EXCEEDED'
      ) {
        options.budget?.markSpent();
      }
      if (aborted) logger?.debug(fields, 'upstream call abandoned: the client went away');
      else if (failure instanceof RowBudgetExceededError) {
        logger?.debug(fields, 'upstream call refused: the rows budget is spent');
      } else if (failure instanceof UpstreamRejectedError) {
        // The breaker's transitions are logged once by the policy; not every refused call.
        logger?.debug(fields, `upstream call refused: ${failure.reason}`);
      } else logger?.warn(fields, 'upstream call failed');
      throw failure;
    }
  }
  const read = <T>(name: string, run: (conn: Connection) => Promise<T>): Promise<T> =>
    call('read', name, run);
  const write = <T>(name: string, run: (conn: Connection) => Promise<T>): Promise<T> =>
    call('write', name, run);

  /** A page of records, counted against the operation's rows budget (child rows included). */
  function counted<T>(page: QueryPage<T>): QueryPage<T> {
    currentOperationScope()?.countRows(countRecords(page.records));
    return page;
  }

  async function queryMore<T extends SalesforceRecord = SalesforceRecord>(nextRecordsUrl: string) {
    // jsforce's Query defaults to autoFetch off; the locator is the URL's last segment.
    return counted(
      await read('queryMore', async (conn) => toQueryPage<T>(await conn.queryMore(nextRecordsUrl))),
    );
  }

  return {
    async query<T extends SalesforceRecord = SalesforceRecord>(soql: string) {
      // autoFetch off: one page per call, so the gateway decides how much it reads.
      return counted(
        await read('query', async (conn) =>
          toQueryPage<T>(await conn.query(soql, { autoFetch: false })),
        ),
      );
    },

    queryMore,

    async queryAll<T extends SalesforceRecord = SalesforceRecord>(
      soql: string,
      queryOptions: QueryAllOptions = {},
    ) {
      // scanAll is jsforce's name for /queryAll; each batch is one read with its own retries.
      const scanAll = queryOptions.includeDeleted === true;
      const first = counted(
        await read(scanAll ? 'queryAll' : 'query', async (conn) =>
          toQueryPage<T>(await conn.query(soql, { autoFetch: false, scanAll })),
        ),
      );
      return readAllPages(first, (url) => queryMore<T>(url));
    },

    async search<T extends SalesforceRecord = SalesforceRecord>(sosl: string) {
      const result = await read('search', (conn) => conn.search(sosl));
      const records: unknown[] = Array.isArray(result.searchRecords) ? result.searchRecords : [];
      const found = records.filter(
        (r): r is T => isRecord(r) && typeof r.Id === 'string' && isRecord(r.attributes),
      );
      currentOperationScope()?.countRows(countRecords(found));
      return found;
    },

    async retrieve(object: SObjectName, ids: string[], fields: string[]) {
      if (ids.length === 0) return [];
      if (ids.length > MAX_RETRIEVE_IDS) {
        throw new SalesforceUpstreamError(
          `Composite retrieve takes at most ${MAX_RETRIEVE_IDS} ids, got ${ids.length}`,
          'EXCEEDED_ID_LIMIT',
        );
      }
      // Without fields jsforce would first call describe; Id keeps results identifiable.
      const selected = fields.includes('Id') ? fields : ['Id', ...fields];
      // POST, but a read: retrying it cannot change data.
      const result = await read('retrieve', (conn) =>
        conn.retrieve(object, ids, { fields: selected }),
      );
      const list: unknown[] = Array.isArray(result) ? result : [result];
      const records = list.map((r) =>
        isRecord(r) && typeof r.Id === 'string' ? (r as SalesforceRecord) : null,
      );
      currentOperationScope()?.countRows(records.filter((r) => r !== null).length);
      return records;
    },

    async create(object, records, dmlOptions = {}) {
      if (records.length === 0) return [];
      const result: unknown = await write('create', (conn) =>
        conn.create(object, records, { allOrNone: dmlOptions.allOrNone ?? false }),
      );
      return toSaveResults(result);
    },

    async update(object, records, dmlOptions = {}) {
      if (records.length === 0) return [];
      const result: unknown = await write('update', (conn) =>
        conn.update(object, records, { allOrNone: dmlOptions.allOrNone ?? false }),
      );
      return toSaveResults(result);
    },

    async upsert(object, externalIdField, records, dmlOptions = {}): Promise<UpsertResult[]> {
      if (records.length === 0) return [];
      if (records.length > MAX_COLLECTION) {
        // jsforce would split silently only with allowRecursive: one call per 200 is ours to make.
        throw new SalesforceUpstreamError(
          `An upsert collection takes at most ${MAX_COLLECTION} records, got ${records.length}`,
          'EXCEEDED_ID_LIMIT',
        );
      }
      // An array on API ≥ 46 is jsforce's collections upsert: one PATCH for the whole batch.
      const result: unknown = await write('upsert', (conn) =>
        conn.upsert(object, records, externalIdField, {
          allOrNone: dmlOptions.allOrNone ?? false,
        }),
      );
      const list: unknown[] = Array.isArray(result) ? result : [result];
      return toSaveResults(list).map((saved, i) => {
        const raw = list[i];
        return { ...saved, created: isRecord(raw) && raw.created === true };
      });
    },

    async destroy(object, ids, dmlOptions = {}) {
      if (ids.length === 0) return [];
      const result: unknown = await write('destroy', (conn) =>
        conn.destroy(object, ids, { allOrNone: dmlOptions.allOrNone ?? false }),
      );
      return toSaveResults(result);
    },

    async convertLead(request: LeadConvertRequest): Promise<LeadConvertResponse> {
      const leadConvert = {
        leadId: request.leadId,
        convertedStatus: request.convertedStatus,
        doNotCreateOpportunity: request.doNotCreateOpportunity ?? false,
        overwriteLeadSource: false,
        sendNotificationEmail: false,
        ...(request.accountId ? { accountId: request.accountId } : {}),
        ...(request.contactId ? { contactId: request.contactId } : {}),
        ...(request.opportunityName ? { opportunityName: request.opportunityName } : {}),
      };
      // jsforce has no REST lead conversion; this is the SOAP API's convertLead call.
      const result: unknown = await write('convertLead', (conn) =>
        conn.soap.convertLead(leadConvert),
      );
      const converted = isRecord(result) ? result : {};
      if (converted.success !== true) {
        throw SalesforceUpstreamError.fromSaveErrors(
          toSaveErrors(converted.errors),
          'The lead was not converted',
        );
      }
      if (typeof converted.accountId !== 'string' || typeof converted.contactId !== 'string') {
        throw new SalesforceUpstreamError(
          'convertLead answered without account or contact id',
          'UNKNOWN_EXCEPTION',
        );
      }
      return {
        leadId: typeof converted.leadId === 'string' ? converted.leadId : request.leadId,
        accountId: converted.accountId,
        contactId: converted.contactId,
        opportunityId:
          typeof converted.opportunityId === 'string' && converted.opportunityId !== ''
            ? converted.opportunityId
            : null,
      };
    },

    async apiUsage(): Promise<ApiUsageInfo> {
      const limits = await read('limits', (conn) => conn.limits());
      const daily = limits.DailyApiRequests;
      if (daily === undefined) {
        throw new SalesforceUpstreamError(
          '/limits has no DailyApiRequests entry',
          'UNKNOWN_EXCEPTION',
        );
      }
      return { used: daily.Max - daily.Remaining, max: daily.Max };
    },

    async describeFields(object: SObjectName): Promise<DescribedField[]> {
      const described = await read('describe', (conn) => conn.sobject(object).describe());
      return described.fields.map((f) => ({
        name: f.name,
        label: f.label,
        type: f.type,
        custom: f.custom,
        calculated: f.calculated,
        filterable: f.filterable,
        sortable: f.sortable,
        createable: f.createable,
        updateable: f.updateable,
        nillable: f.nillable,
        length: f.length,
        referenceTo: (f.referenceTo ?? []).filter((t): t is string => typeof t === 'string'),
        relationshipName: f.relationshipName ?? null,
        extraTypeInfo: f.extraTypeInfo ?? null,
        compoundFieldName: f.compoundFieldName ?? null,
        picklistValues: (f.picklistValues ?? []).map((p) => ({
          value: p.value,
          label: p.label ?? p.value,
          active: p.active,
          defaultValue: p.defaultValue,
        })),
      }));
    },
    async identity(): Promise<SalesforceIdentity> {
      const info = await read('identity', (conn) => conn.identity());
      return {
        userId: info.user_id,
        orgId: info.organization_id,
        username: info.username,
        displayName: info.display_name,
        email: typeof info.email === 'string' && info.email !== '' ? info.email : null,
      };
    },
  };
}
