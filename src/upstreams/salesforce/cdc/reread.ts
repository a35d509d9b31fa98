import type { SObjectTypeName } from '../../../live/change-source';
import type { SalesforceClient } from '../client';
import { buildByIdsQuery, chunkIds, OBJECT_MAPPINGS, type SalesforceRecord } from '../soql';
import { ENTITY_NAMES } from './entity-names';

/** A record as re-read from Salesforce: API field names, `Id` required. */
export type RereadRecord = SalesforceRecord;

/** Current state of records a GAP event names; records missing from the answer were deleted. */
export type RereadRecords = (
  type: SObjectTypeName,
  ids: readonly string[],
) => Promise<RereadRecord[]>;

/** `SELECT <fields> FROM <type> WHERE Id IN (...)`, one query per 200 Ids (SOQL IN-list bound). */
export async function queryByIds(
  run: (soql: string) => Promise<SalesforceRecord[]>,
  type: SObjectTypeName,
  fields: string[],
  ids: readonly string[],
): Promise<SalesforceRecord[]> {
  const object = ENTITY_NAMES[type];
  const rows: SalesforceRecord[] = [];
  for (const chunk of chunkIds([...new Set(ids)])) {
    rows.push(...(await run(buildByIdsQuery({ object, fields, ids: chunk }))));
  }
  return rows;
}

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
  return (type, ids) => queryByIds((soql) => client.queryAll(soql), type, rereadFields(type), ids);
}
