import { queryByIds } from './ids-query';
import type { RereadRecord } from '../../../live/change-bridge';
import { ENTITY_NAMES, type SObjectTypeName } from '../../../live/normalized-change';
import type { SalesforceClient } from '../client';
import { queryAll } from '../loaders/query-all';
import { OBJECT_MAPPINGS, type SObjectName } from '../soql';

/** Every field the graph maps for a type, by API name: what a GAP re-read fetches. */
export function rereadFields(type: SObjectTypeName): string[] {
  const mapping = OBJECT_MAPPINGS[ENTITY_NAMES[type] as SObjectName];
  const fields = new Set<string>(['Id']);
  for (const spec of Object.values(mapping.fields)) fields.add(spec.soql);
  for (const parts of Object.values(mapping.addresses)) {
    for (const part of Object.values(parts)) fields.add(part);
  }
  for (const parent of Object.values(mapping.parents)) fields.add(parent.idField);
  return [...fields];
}

/**
 * The bridge's GAP re-read as the integration user: the records' current state, one query
 * per 200 Ids; missing rows count as deleted. Subscribers' own access is checked afterwards.
 */
export function createCdcReread(client: SalesforceClient) {
  return async (type: SObjectTypeName, ids: readonly string[]): Promise<RereadRecord[]> =>
    queryByIds((soql) => queryAll(client, soql), type, rereadFields(type), ids);
}
