import type { SObjectTypeName } from '../../../live/change-source';
import type { SalesforceClient } from '../client';
import { readRecordsByIds } from '../operations/records-by-ids';
import { OBJECT_MAPPINGS, type SalesforceRecord } from '../soql';
import { ENTITY_NAMES } from './entity-names';

/** A record as re-read from Salesforce: API field names, `Id` required. */
export type RereadRecord = SalesforceRecord;

/** Current state of records a GAP event names; records missing from the answer were deleted. */
export type RereadRecords = (
  type: SObjectTypeName,
  ids: readonly string[],
) => Promise<RereadRecord[]>;

/** Every field the graph maps for a type, by API name: what a GAP re-read fetches. */
export function rereadFields(type: SObjectTypeName): string[] {
  const mapping = OBJECT_MAPPINGS[ENTITY_NAMES[type]];
  const fields = new Set<string>(['Id']);
  for (const spec of Object.values(mapping.fields)) fields.add(spec.soql);
  for (const parts of Object.values(mapping.addresses)) {
    for (const part of Object.values(parts)) fields.add(part);
  }
  for (const parent of Object.values(mapping.parents)) fields.add(parent.idField);
  return [...fields];
}

/**
 * The GAP re-read as the integration user: the records' current state, one query per 200
 * Ids; missing rows count as deleted. Subscribers' own access is checked afterwards.
 */
export function createCdcReread(client: SalesforceClient): RereadRecords {
  return (type, ids) => readRecordsByIds(client, ENTITY_NAMES[type], rereadFields(type), ids);
}
