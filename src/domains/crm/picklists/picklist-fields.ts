import { BadUserInputError } from '../../../errors';
import type { DescribedField } from '../../../upstreams/salesforce/client';
import { OBJECT_MAPPINGS, type SObjectName } from '../../../upstreams/salesforce/soql';
import { PicklistField, PicklistValue } from './picklist.type';

const PICKLIST_TYPES = new Set(['picklist', 'multipicklist']);

/** Graph field name → SOQL field name of `object`'s scalar fields, custom ones included. */
function graphFields(object: SObjectName): Map<string, string> {
  const mapping = OBJECT_MAPPINGS[object];
  const names = new Map<string, string>();
  for (const [graph, { soql }] of Object.entries(mapping.fields)) names.set(graph, soql);
  for (const [graph, { soql }] of Object.entries(mapping.custom ?? {})) names.set(graph, soql);
  return names;
}

function toPicklistField(graphName: string, described: DescribedField): PicklistField {
  return Object.assign(new PicklistField(), {
    field: graphName,
    label: described.label,
    multiSelect: described.type === 'multipicklist',
    values: described.picklistValues.map((p) =>
      Object.assign(new PicklistValue(), {
        value: p.value,
        label: p.label,
        active: p.active,
        isDefault: p.defaultValue,
      }),
    ),
  });
}

/**
 * The picklist fields of `object` that the graph exposes and the viewer's describe lists
 * (field-level security leaves the others out), in describe order; with `requested`, those
 * fields in that order. A requested name that is not such a field is BAD_USER_INPUT, naming
 * the ones there are.
 */
export function picklistFields(
  object: SObjectName,
  described: readonly DescribedField[],
  requested?: readonly string[] | null,
): PicklistField[] {
  const bySoql = new Map(
    described.filter((f) => PICKLIST_TYPES.has(f.type)).map((f) => [f.name.toLowerCase(), f]),
  );
  const available = new Map<string, DescribedField>();
  for (const [graph, soql] of graphFields(object)) {
    const field = bySoql.get(soql.toLowerCase());
    if (field) available.set(graph, field);
  }
  if (requested === undefined || requested === null) {
    const order = described.map((f) => f.name.toLowerCase());
    return [...available]
      .sort(
        ([, a], [, b]) => order.indexOf(a.name.toLowerCase()) - order.indexOf(b.name.toLowerCase()),
      )
      .map(([graph, field]) => toPicklistField(graph, field));
  }
  const unknown = requested.filter((name) => !available.has(name));
  if (unknown.length > 0) {
    throw new BadUserInputError(
      `${object} has no picklist field ${unknown.map((n) => JSON.stringify(n)).join(', ')} you can read; its picklist fields: ${[...available.keys()].join(', ') || 'none'}`,
      { argument: 'fields' },
    );
  }
  return requested.map((name) => toPicklistField(name, available.get(name) as DescribedField));
}
