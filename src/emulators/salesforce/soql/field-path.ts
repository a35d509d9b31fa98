import type { FieldDef, FieldValue, ObjectDef, SObjectRecord } from '../model/types';
import type { QueryScope } from './query-scope';

/** One relationship step of a path: the reference field and the object it leads to. */
export interface Hop {
  field: FieldDef;
  relationshipName: string;
  /** Candidate targets (several for polymorphic references such as Lead.Owner). */
  targets: ObjectDef[];
}

export interface ResolvedPath {
  hops: Hop[];
  field: FieldDef;
  /** Object that owns the leaf field. */
  object: ObjectDef;
  /** Describe-cased dotted path, `Account.Owner.Name`. */
  text: string;
}

const fieldIndexes = new WeakMap<ObjectDef, Map<string, FieldDef>>();
const relationshipIndexes = new WeakMap<ObjectDef, Map<string, FieldDef>>();

function index(objectDef: ObjectDef): {
  fields: Map<string, FieldDef>;
  relationships: Map<string, FieldDef>;
} {
  let fields = fieldIndexes.get(objectDef);
  let relationships = relationshipIndexes.get(objectDef);
  if (!fields || !relationships) {
    fields = new Map(objectDef.fields.map((f) => [f.name.toLowerCase(), f]));
    relationships = new Map(
      objectDef.fields
        .filter((f) => f.relationshipName)
        .map((f) => [(f.relationshipName ?? '').toLowerCase(), f]),
    );
    fieldIndexes.set(objectDef, fields);
    relationshipIndexes.set(objectDef, relationships);
  }
  return { fields, relationships };
}

export const fieldOf = (objectDef: ObjectDef, name: string): FieldDef | undefined =>
  index(objectDef).fields.get(name.toLowerCase());

/**
 * Resolves `Account.Owner.Name` from `root` against describe metadata. A leading segment
 * equal to the query's object alias is dropped (`SELECT a.Name FROM Account a`).
 */
export function resolvePath(
  scope: QueryScope,
  root: ObjectDef,
  dotted: string,
  offset: number,
  alias?: string,
): ResolvedPath {
  let segments = dotted.split('.');
  if (alias && segments.length > 1 && segments[0]?.toLowerCase() === alias.toLowerCase()) {
    segments = segments.slice(1);
  }
  const hops: Hop[] = [];
  let current = root;
  const names: string[] = [];
  for (const relationship of segments.slice(0, -1)) {
    const reference = index(current).relationships.get(relationship.toLowerCase());
    const targets = (reference?.referenceTo ?? [])
      .map((name) => scope.data.describe(name))
      .filter((o): o is ObjectDef => o !== undefined);
    const target = targets[0];
    if (!reference || !target) throw scope.errors.unknownRelationship(relationship, offset);
    const relationshipName = reference.relationshipName ?? relationship;
    hops.push({ field: reference, relationshipName, targets });
    names.push(relationshipName);
    current = target;
  }
  const leafName = segments[segments.length - 1] ?? '';
  const field = fieldOf(current, leafName);
  if (!field) throw scope.errors.noSuchColumn(leafName, current.name, offset);
  names.push(field.name);
  return { hops, field, object: current, text: names.join('.') };
}

/** The record a hop leads to, or undefined when the reference is empty or dangling. */
export function follow(scope: QueryScope, row: SObjectRecord, hop: Hop): SObjectRecord | undefined {
  const id = row[hop.field.name];
  return typeof id === 'string' ? scope.data.byId(id) : undefined;
}

/** A reader for the path's value on a root row (null through a null reference). */
export function pathReader(
  scope: QueryScope,
  path: ResolvedPath,
): (row: SObjectRecord) => FieldValue {
  const name = path.field.name;
  if (path.hops.length === 0) return (row) => row[name] ?? null;
  return (row) => {
    let current: SObjectRecord | undefined = row;
    for (const hop of path.hops) {
      current = follow(scope, current, hop);
      if (!current) return null;
    }
    return current[name] ?? null;
  };
}

/** The object type of a referenced record: by key prefix among the hop's targets. */
export function targetOf(hop: Hop, id: string): ObjectDef {
  const prefix = id.slice(0, 3);
  return hop.targets.find((o) => o.keyPrefix === prefix) ?? (hop.targets[0] as ObjectDef);
}
