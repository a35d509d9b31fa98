import type { Connection } from 'jsforce';
import { normalizeSalesforceError } from './normalize-error';
import type { SalesforceRecord } from './soql';

function recordsOf(result: unknown): { records: SalesforceRecord[]; next: string | undefined } {
  if (typeof result !== 'object' || result === null) return { records: [], next: undefined };
  const page = result as { records?: unknown; done?: unknown; nextRecordsUrl?: unknown };
  const records = Array.isArray(page.records) ? (page.records as SalesforceRecord[]) : [];
  const next =
    page.done === false && typeof page.nextRecordsUrl === 'string'
      ? page.nextRecordsUrl
      : undefined;
  return { records, next };
}

/**
 * SOQL through `/queryAll` (jsforce `scanAll`): deleted and archived rows too, still under
 * the connection user's sharing. The SalesforceClient has no such call, and only the
 * subscription access check needs it (a DELETE event names a row `/query` no longer shows).
 */
export function queryAllRowsWith(session: {
  connection(): Promise<Connection>;
}): (soql: string) => Promise<SalesforceRecord[]> {
  return async (soql) => {
    try {
      const conn = await session.connection();
      let page = recordsOf(await conn.query(soql, { scanAll: true, autoFetch: false }));
      const rows = [...page.records];
      while (page.next) {
        page = recordsOf(await conn.queryMore(page.next));
        rows.push(...page.records);
      }
      return rows;
    } catch (err) {
      throw normalizeSalesforceError(err, undefined);
    }
  };
}
