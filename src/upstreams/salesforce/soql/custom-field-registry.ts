import { OBJECT_MAPPINGS, resetMappingIndexes } from './object-mappings';
import type { ScalarKind, SObjectName } from './soql.types';

/** One custom field of the org the gateway exposes, as planned from describe. */
export interface CustomFieldSpec {
  object: SObjectName;
  /** The Salesforce API name, which is also the graph's name (`Region__c`). */
  name: string;
  label: string;
  /** Describe's `type` (`picklist`, `currency`...), kept for the schema description. */
  describeType: string;
  kind: ScalarKind;
  /** For a reference to one of the graph's objects: the object and the SOQL relationship. */
  reference?: { target: SObjectName; relationshipName: string };
  filterable: boolean;
  sortable: boolean;
  createable: boolean;
  updateable: boolean;
}

/**
 * Sets the custom fields of the object mappings every SOQL builder, selection walker, record
 * mapper and payload builder reads, so a custom field is pushed down, filtered, sorted and
 * written exactly like a standard one. Field names only ever come from describe (the specs),
 * never from a request. Replaces what an earlier call registered: a field no longer in
 * `specs` (removed from the org, `reloadSchema`) leaves every mapping. Standard entries are
 * never touched: the plan never names a custom field after a standard one. Idempotent.
 */
export function registerCustomFields(specs: readonly CustomFieldSpec[]): void {
  for (const mapping of Object.values(OBJECT_MAPPINGS)) {
    for (const name of Object.keys(mapping.custom ?? {})) {
      delete mapping.fields[name];
      delete mapping.parents[name];
      delete mapping.filters[name];
      delete mapping.sortFields[name];
    }
    delete mapping.custom;
  }
  for (const spec of specs) {
    const mapping = OBJECT_MAPPINGS[spec.object];
    const entry = { soql: spec.name, kind: spec.kind };
    (mapping.custom ??= {})[spec.name] = entry;
    if (spec.reference) {
      mapping.parents[spec.name] = {
        relationship: spec.reference.relationshipName,
        idField: spec.name,
        target: spec.reference.target,
      };
    } else {
      mapping.fields[spec.name] = entry;
    }
    if (spec.filterable) mapping.filters[spec.name] = entry;
    if (spec.sortable) mapping.sortFields[spec.name] = spec.name;
  }
  resetMappingIndexes();
}
