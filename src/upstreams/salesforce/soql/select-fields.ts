import { getField, type FieldType } from '@jetstreamapp/soql-parser-js';
import { MAX_PARENT_DEPTH } from './soql.types';

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Field paths and names come from code (mappings, loaders), never from users: a bad one is a bug. */
export function assertSoqlPath(path: string, what = 'field path'): void {
  const segments = typeof path === 'string' ? path.split('.') : [];
  if (
    segments.length === 0 ||
    segments.length > MAX_PARENT_DEPTH + 1 ||
    !segments.every((s) => IDENTIFIER.test(s))
  ) {
    throw new TypeError(`Invalid SOQL ${what}: ${JSON.stringify(path)}`);
  }
}

export function assertSoqlName(name: string, what: string): void {
  if (typeof name !== 'string' || !IDENTIFIER.test(name))
    throw new TypeError(`Invalid SOQL ${what}: ${JSON.stringify(name)}`);
}

/**
 * SELECT fields: Id first, then the given paths in order. Salesforce rejects a field selected
 * twice ("duplicate field selected"), and field names are case-insensitive, so duplicates drop.
 */
export function selectFields(...groups: string[][]): FieldType[] {
  const seen = new Set<string>();
  const fields: FieldType[] = [];
  for (const path of ['Id', ...groups.flat()]) {
    assertSoqlPath(path);
    const key = path.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    fields.push(getField(path));
  }
  return fields;
}
