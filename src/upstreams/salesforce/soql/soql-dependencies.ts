import { OBJECT_MAPPINGS } from './object-mappings';
import type { SObjectName } from './soql.types';

/** Every object type of the gateway's mappings. */
export const CACHEABLE_OBJECTS = Object.keys(OBJECT_MAPPINGS) as SObjectName[];

const OBJECTS = new Set<string>(CACHEABLE_OBJECTS);

/** Relationship name (parent `Account`, `Owner`; child `Contacts`) → the object it reaches. */
const RELATIONSHIPS: ReadonlyMap<string, SObjectName> = (() => {
  const map = new Map<string, SObjectName>();
  for (const mapping of Object.values(OBJECT_MAPPINGS)) {
    for (const parent of Object.values(mapping.parents))
      map.set(parent.relationship, parent.target);
    for (const child of Object.values(mapping.children)) map.set(child.relationship, child.target);
  }
  return map;
})();

export interface SoqlDependencies {
  /** The main query's object (`FROM` at the outermost level); undefined when not found. */
  object: SObjectName | undefined;
  /** Every object whose change could change the result, or `all` when the text is not understood. */
  dependsOn: readonly SObjectName[] | 'all';
}

/** String literals (with `\'` escapes) hold values, never names: blanked before scanning. */
const STRING_LITERAL = /'(?:\\.|[^'\\])*'/g;
const TOKEN = /\(|\)|\bFROM\s+([A-Za-z_]\w*)|\b([A-Za-z_]\w*)((?:\.[A-Za-z_]\w*)+)/gi;

/**
 * The objects a SOQL query reads: its `FROM` objects (subqueries and semi-joins included,
 * child relationships resolved to their object) and the objects its relationship paths
 * reach (`Account.Owner.Name` → Account, User). Anything not recognised makes the answer
 * `all`, so a change can never miss an entry that depends on it.
 */
export function soqlDependencies(soql: string): SoqlDependencies {
  const text = soql.replace(STRING_LITERAL, "''");
  const found = new Set<SObjectName>();
  let unknown = false;
  let depth = 0;
  let object: SObjectName | undefined;
  const resolve = (name: string): SObjectName | undefined => {
    if (OBJECTS.has(name)) return name as SObjectName;
    return RELATIONSHIPS.get(name);
  };
  for (const match of text.matchAll(TOKEN)) {
    const token = match[0];
    if (token === '(') depth += 1;
    else if (token === ')') depth -= 1;
    else if (match[1] !== undefined) {
      const target = resolve(match[1]);
      if (target === undefined) unknown = true;
      else {
        found.add(target);
        if (depth === 0) object = target;
      }
    } else if (match[2] !== undefined && match[3] !== undefined) {
      // `Account.Owner.Name`: every segment but the last is a relationship.
      const segments = [match[2], ...match[3].slice(1).split('.')].slice(0, -1);
      for (const segment of segments) {
        const target = resolve(segment);
        if (target === undefined) unknown = true;
        else found.add(target);
      }
    }
  }
  if (object === undefined) unknown = true;
  return { object, dependsOn: unknown ? 'all' : [...found] };
}
