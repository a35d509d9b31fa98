import type { FieldDef, FieldValue, JsonRecord, ObjectDef, SObjectRecord } from '../model/types';
import { follow, targetOf, type Hop, type ResolvedPath } from './field-path';
import { recordUrl, type QueryScope } from './query-scope';
import { formatOutput } from './value-kinds';

/** A child subquery's rows for one parent, already in REST shape (or null when none). */
export type ChildReader = (
  parentId: string,
) => { totalSize: number; done: true; records: JsonRecord[] } | null;

type Item =
  | { kind: 'field'; key: string; field: FieldDef; parts: FieldDef[] }
  | { kind: 'parent'; key: string; hop: Hop; node: ProjectionNode }
  | { kind: 'child'; key: string; read: () => ChildReader };

/** The selected shape of one object level, in select order. */
export interface ProjectionNode {
  items: Item[];
}

export const emptyNode = (): ProjectionNode => ({ items: [] });

/**
 * Adds a resolved path; parent paths sharing a relationship merge into one nested object,
 * as Salesforce returns them. Returns false for a field already selected.
 */
export function addPath(node: ProjectionNode, path: ResolvedPath): boolean {
  let current = node;
  for (const hop of path.hops) {
    let parent = current.items.find(
      (i): i is Extract<Item, { kind: 'parent' }> =>
        i.kind === 'parent' && i.key === hop.relationshipName,
    );
    if (!parent) {
      parent = { kind: 'parent', key: hop.relationshipName, hop, node: emptyNode() };
      current.items.push(parent);
    }
    current = parent.node;
  }
  if (current.items.some((i) => i.kind === 'field' && i.key === path.field.name)) return false;
  const parts =
    path.field.type === 'address'
      ? path.object.fields.filter((f) => f.compoundFieldName === path.field.name)
      : [];
  current.items.push({ kind: 'field', key: path.field.name, field: path.field, parts });
  return true;
}

export function addChild(node: ProjectionNode, key: string, read: () => ChildReader): void {
  node.items.push({ kind: 'child', key, read });
}

/** Salesforce's compound address value: lowercase parts, geocode fields null. */
function addressValue(
  row: SObjectRecord,
  compound: FieldDef,
  parts: FieldDef[],
): Record<string, FieldValue> | null {
  const prefix = compound.name.slice(0, -'Address'.length);
  const value: Record<string, FieldValue> = {};
  let any = false;
  for (const part of parts) {
    const suffix = part.name.slice(prefix.length);
    const key = suffix.charAt(0).toLowerCase() + suffix.slice(1);
    const v = row[part.name] ?? null;
    if (v !== null) any = true;
    value[key] = v;
  }
  if (!any) return null;
  return {
    city: value.city ?? null,
    country: value.country ?? null,
    geocodeAccuracy: null,
    latitude: null,
    longitude: null,
    postalCode: value.postalCode ?? null,
    state: value.state ?? null,
    street: value.street ?? null,
  };
}

export function project(
  scope: QueryScope,
  row: SObjectRecord,
  objectDef: ObjectDef,
  node: ProjectionNode,
): JsonRecord {
  const out: JsonRecord = {
    attributes: { type: objectDef.name, url: recordUrl(scope, objectDef.name, row.Id) },
  };
  for (const item of node.items) {
    switch (item.kind) {
      case 'field':
        out[item.key] =
          item.field.type === 'address'
            ? addressValue(row, item.field, item.parts)
            : formatOutput(item.field, row[item.field.name]);
        break;
      case 'parent': {
        const parent = follow(scope, row, item.hop);
        out[item.key] = parent
          ? project(scope, parent, targetOf(item.hop, parent.Id), item.node)
          : null;
        break;
      }
      case 'child':
        out[item.key] = item.read()(row.Id);
        break;
    }
  }
  return out;
}
