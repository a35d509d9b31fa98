import type { SalesforceClient } from '../client';
import {
  buildSearchQuery,
  type SalesforceRecord,
  type SearchQueryInput,
  type SObjectName,
} from '../soql';

export interface SearchHit {
  object: SObjectName;
  record: SalesforceRecord;
}

const SEARCHABLE: ReadonlyMap<string, SObjectName> = new Map(
  (['Account', 'Contact', 'Opportunity', 'Lead'] as const).map((name) => [name, name]),
);

/**
 * One SOSL call over `input.objects`; hits keep Salesforce's (relevance) order. With no object
 * to search there is nothing to ask, so no call is made.
 */
export async function searchRecords(
  client: SalesforceClient,
  input: SearchQueryInput,
): Promise<SearchHit[]> {
  const sosl = buildSearchQuery(input);
  if (input.objects.length === 0) return [];
  const records = await client.search(sosl);
  const hits: SearchHit[] = [];
  for (const record of records) {
    const object = SEARCHABLE.get(record.attributes?.type ?? '');
    if (object !== undefined) hits.push({ object, record });
  }
  return hits;
}
