import { mappingsRevision, OBJECT_MAPPINGS } from './object-mappings';
import type { SObjectName } from './soql.types';

type NameIndex = ReadonlyMap<string, string>;

/**
 * Salesforce API names back to the graph's, per object: scalar fields (`StageName` →
 * `stageName`), parent Ids (`AccountId` → `accountId`, as inputs name them) and address parts
 * (`BillingCity` → `billingAddress`, the graph field, as `RecordChange.changedFields` names
 * it). Salesforce compares field names case-insensitively and its errors are not always cased
 * as the describe is, so the index is lower-cased.
 */
function buildIndex(object: SObjectName): NameIndex {
  const mapping = OBJECT_MAPPINGS[object];
  const index = new Map<string, string>();
  const add = (soql: string, graph: string): void => {
    if (!index.has(soql.toLowerCase())) index.set(soql.toLowerCase(), graph);
  };
  for (const [graph, field] of Object.entries(mapping.fields)) add(field.soql, graph);
  for (const [key, parent] of Object.entries(mapping.parents)) add(parent.idField, `${key}Id`);
  for (const [key, parts] of Object.entries(mapping.addresses)) {
    for (const soql of Object.values(parts)) add(soql, key);
  }
  for (const [graph, field] of Object.entries(mapping.filters)) add(field.soql, graph);
  for (const [graph, field] of Object.entries(mapping.custom ?? {})) add(field.soql, graph);
  return index;
}

let indexes = new Map<SObjectName, NameIndex>();
let indexedRevision = -1;

/** The graph's name of a Salesforce field of `object`; undefined when the graph does not expose it. */
export function graphFieldName(object: SObjectName, soqlField: string): string | undefined {
  if (indexedRevision !== mappingsRevision()) {
    indexes = new Map(
      (Object.keys(OBJECT_MAPPINGS) as SObjectName[]).map((o) => [o, buildIndex(o)]),
    );
    indexedRevision = mappingsRevision();
  }
  return indexes.get(object)?.get(soqlField.toLowerCase());
}
