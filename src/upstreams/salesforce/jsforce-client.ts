import type { Connection } from 'jsforce';
import type { SObjectName, SalesforceRecord } from './soql';
import type {
  ApiUsageInfo,
  LeadConvertRequest,
  LeadConvertResponse,
  QueryAllOptions,
  SalesforceClient,
  SalesforceIdentity,
  SaveResult,
} from './client';
import { SalesforceUpstreamError } from './client';
import { observeCall } from './call-context';
import { normalizeSalesforceError } from './normalize-error';
import { DEFAULT_READ_RETRY, NO_RETRY, withRetry, type RetryPolicy } from './retry-policy';
import type { SalesforceSession } from './connection';
import { isRecord } from '../../lib/is-record';
import { readAllPages, toQueryPage } from './paging';

export interface JsforceClientOptions {
  /** Retries for reads (query, each queryMore, retrieve, limits, identity); writes never retry. */
  readRetry?: RetryPolicy;
}

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
  const readRetry = options.readRetry ?? DEFAULT_READ_RETRY;

  function call<T>(policy: RetryPolicy, run: (conn: Connection) => Promise<T>): Promise<T> {
    return withRetry(policy, () =>
      observeCall(async (observation) => {
        try {
          return await run(await session.connection());
        } catch (err) {
          throw normalizeSalesforceError(err, observation.lastStatusCode);
        }
      }),
    );
  }
  const read = <T>(run: (conn: Connection) => Promise<T>): Promise<T> => call(readRetry, run);
  const write = <T>(run: (conn: Connection) => Promise<T>): Promise<T> => call(NO_RETRY, run);

  function queryMore<T extends SalesforceRecord = SalesforceRecord>(nextRecordsUrl: string) {
    // jsforce's Query defaults to autoFetch off; the locator is the URL's last segment.
    return read(async (conn) => toQueryPage<T>(await conn.queryMore(nextRecordsUrl)));
  }

  return {
    query<T extends SalesforceRecord = SalesforceRecord>(soql: string) {
      // autoFetch off: one page per call, so the gateway decides how much it reads.
      return read(async (conn) => toQueryPage<T>(await conn.query(soql, { autoFetch: false })));
    },

    queryMore,

    async queryAll<T extends SalesforceRecord = SalesforceRecord>(
      soql: string,
      queryOptions: QueryAllOptions = {},
    ) {
      // scanAll is jsforce's name for /queryAll; each batch is one read with its own retries.
      const scanAll = queryOptions.includeDeleted === true;
      const first = await read(async (conn) =>
        toQueryPage<T>(await conn.query(soql, { autoFetch: false, scanAll })),
      );
      return readAllPages(first, (url) => queryMore<T>(url));
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
      const result = await read((conn) => conn.retrieve(object, ids, { fields: selected }));
      const list: unknown[] = Array.isArray(result) ? result : [result];
      return list.map((r) =>
        isRecord(r) && typeof r.Id === 'string' ? (r as SalesforceRecord) : null,
      );
    },

    async create(object, records, dmlOptions = {}) {
      if (records.length === 0) return [];
      const result: unknown = await write((conn) =>
        conn.create(object, records, { allOrNone: dmlOptions.allOrNone ?? false }),
      );
      return toSaveResults(result);
    },

    async update(object, records, dmlOptions = {}) {
      if (records.length === 0) return [];
      const result: unknown = await write((conn) =>
        conn.update(object, records, { allOrNone: dmlOptions.allOrNone ?? false }),
      );
      return toSaveResults(result);
    },

    async destroy(object, ids, dmlOptions = {}) {
      if (ids.length === 0) return [];
      const result: unknown = await write((conn) =>
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
      const result: unknown = await write((conn) => conn.soap.convertLead(leadConvert));
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
      const limits = await read((conn) => conn.limits());
      const daily = limits.DailyApiRequests;
      if (daily === undefined) {
        throw new SalesforceUpstreamError(
          '/limits has no DailyApiRequests entry',
          'UNKNOWN_EXCEPTION',
        );
      }
      return { used: daily.Max - daily.Remaining, max: daily.Max };
    },

    async identity(): Promise<SalesforceIdentity> {
      const info = await read((conn) => conn.identity());
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
