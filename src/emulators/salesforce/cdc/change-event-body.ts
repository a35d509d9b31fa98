import type { ChangeEvent, FieldValue, ObjectDef } from '../model/types';

/** Change events never carry these (Salesforce's StandardObjectNameChangeEvent reference). */
const EXCLUDED_FIELDS = new Set(['IsDeleted', 'SystemModstamp']);
const PERSON_NAME_PARTS = ['Salutation', 'FirstName', 'MiddleName', 'LastName', 'Suffix'];

export interface ChangeEventBody {
  /** Header `changedFields`: filled for updates only, compound parts as `Name.FirstName`. */
  changedFields: string[];
  fields: Record<string, unknown>;
}

/** Where a record field lands in a change event: left out, or inside a compound field. */
type FieldPlacement = { kind: 'omit' } | { kind: 'nested'; compound: string; name: string };

/**
 * Reshapes a committed change into a change event body the way CDC does: compound fields
 * (people's Name, addresses) become nested objects, system-only fields are dropped.
 */
export function buildChangeEventBody(
  event: ChangeEvent,
  objectDef: ObjectDef | undefined,
): ChangeEventBody {
  if (event.changeType === 'DELETE') return { changedFields: [], fields: {} };
  const placements = placementsOf(objectDef);
  const fields: Record<string, unknown> = {};
  const changed: string[] = [];
  for (const name of event.changedFields) {
    if (EXCLUDED_FIELDS.has(name)) continue;
    const placement = placements.get(name);
    if (placement?.kind === 'omit') continue;
    const value: FieldValue = event.values[name] ?? null;
    if (placement === undefined) {
      fields[name] = value;
      changed.push(name);
      continue;
    }
    const nested = fields[placement.compound];
    const parts: Record<string, FieldValue> =
      typeof nested === 'object' && nested !== null ? (nested as Record<string, FieldValue>) : {};
    parts[placement.name] = value;
    fields[placement.compound] = parts;
    changed.push(`${placement.compound}.${placement.name}`);
  }
  return { changedFields: event.changeType === 'UPDATE' ? changed : [], fields };
}

function placementsOf(objectDef: ObjectDef | undefined): Map<string, FieldPlacement> {
  const placements = new Map<string, FieldPlacement>();
  if (!objectDef) return placements;
  const names = new Set(objectDef.fields.map((f) => f.name));
  const isPerson =
    names.has('FirstName') &&
    names.has('LastName') &&
    objectDef.fields.some((f) => f.name === 'Name' && f.calculated);
  if (isPerson) {
    // The flat full name is derived; the event carries its parts under `Name` instead.
    placements.set('Name', { kind: 'omit' });
    for (const part of PERSON_NAME_PARTS) {
      if (names.has(part)) placements.set(part, { kind: 'nested', compound: 'Name', name: part });
    }
  }
  for (const field of objectDef.fields) {
    if (field.compoundFieldName === null) continue;
    const prefix = field.compoundFieldName.replace(/Address$/, '');
    const component = field.name.startsWith(prefix) ? field.name.slice(prefix.length) : field.name;
    placements.set(field.name, {
      kind: 'nested',
      compound: field.compoundFieldName,
      name: component,
    });
  }
  return placements;
}
