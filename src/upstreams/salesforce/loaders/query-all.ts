import type { SalesforceClient } from '../client';
import type { SalesforceRecord } from '../soql';

/** Runs one SOQL and follows `nextRecordsUrl` (loader queries are bounded, so this is rarely more than one call). */
export async function queryAll(
  client: SalesforceClient,
  soql: string,
): Promise<SalesforceRecord[]> {
  let page = await client.query(soql);
  const records = [...page.records];
  while (!page.done && page.nextRecordsUrl) {
    page = await client.queryMore(page.nextRecordsUrl);
    records.push(...page.records);
  }
  return records;
}
