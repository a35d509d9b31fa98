import { SoqlInputError } from './soql-input-error';
import type { SalesforceRecord, SortKey } from './soql.types';

const CURSOR_VERSION = 1;
const MAX_CURSOR_LENGTH = 4096;

type CursorValue = string | number | boolean | null;

/** FNV-1a over the sort spec: short and stable; it only has to tell two orderBy arguments apart. */
function hashSpec(sortKeys: SortKey[]): string {
  const spec = sortKeys.map((k) => `${k.field.toLowerCase()}:${k.direction}:${k.nulls}`).join(',');
  let hash = 0x811c9dc5;
  for (let i = 0; i < spec.length; i++) {
    hash ^= spec.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

interface CursorPlan {
  /** Each sort field split into its relationship path once, not once per row. */
  paths: string[][];
  /** The JSON text before the values: `{"v":1,"s":"<hash>","k":[`. */
  prefix: string;
}

/**
 * One page encodes a cursor per row with the same `sortKeys` array (a compiled query's), so
 * the hash and the split paths are kept per array. Keyed weakly by identity: a caller that
 * mutates a SortKey array after encoding would get a stale hash, and no caller does.
 */
const plans = new WeakMap<SortKey[], CursorPlan>();

function planFor(sortKeys: SortKey[]): CursorPlan {
  let plan = plans.get(sortKeys);
  if (plan === undefined) {
    plan = {
      paths: sortKeys.map((k) => k.field.split('.')),
      prefix: `{"v":${CURSOR_VERSION},"s":${JSON.stringify(hashSpec(sortKeys))},"k":[`,
    };
    plans.set(sortKeys, plan);
  }
  return plan;
}

function readPath(record: Record<string, unknown>, path: string[]): unknown {
  let current: unknown = record;
  for (const segment of path) {
    if (current === null) return null;
    if (typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/**
 * The cursor after `record` in the order `sortKeys` (use CompiledConnectionQuery.sortKeys):
 * base64url JSON `{ v, s, k }` with a version, a hash of the sort spec and the record's sort values
 * (Id last).
 */
export function encodeCursor(record: SalesforceRecord, sortKeys: SortKey[]): string {
  const plan = planFor(sortKeys);
  let json = plan.prefix;
  for (let i = 0; i < plan.paths.length; i++) {
    const value = readPath(record, plan.paths[i] as string[]);
    const field = (sortKeys[i] as SortKey).field;
    if (value === undefined) {
      throw new Error(`encodeCursor: the record has no ${field}; select every sort field`);
    }
    const kind = typeof value;
    if (value !== null && kind !== 'string' && kind !== 'number' && kind !== 'boolean') {
      throw new Error(`encodeCursor: ${field} is not a scalar`);
    }
    json += `${i === 0 ? '' : ','}${JSON.stringify(value)}`;
  }
  return Buffer.from(`${json}]}`, 'utf8').toString('base64url');
}

function isCursorValue(value: unknown): value is CursorValue {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

/** The sort values (Id last) held by a cursor. Throws SoqlInputError for a malformed/mismatched cursor. */
export function decodeCursor(cursor: string, sortKeys: SortKey[]): unknown[] {
  const invalid = (why: string): SoqlInputError =>
    new SoqlInputError(`Invalid cursor in after: ${why}`, 'after');
  if (typeof cursor !== 'string' || cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH) {
    throw invalid('not a cursor returned by this API');
  }
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid('not a cursor returned by this API');
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid('not a cursor returned by this API');
  }
  if (typeof payload !== 'object' || payload === null)
    throw invalid('not a cursor returned by this API');
  const { v, s, k } = payload as { v?: unknown; s?: unknown; k?: unknown };
  if (v !== CURSOR_VERSION)
    throw invalid('it was issued by another version of the API; start again without after');
  if (s !== hashSpec(sortKeys)) {
    throw invalid(
      'it was issued for a different orderBy; pass the same orderBy as the page it came from',
    );
  }
  if (!Array.isArray(k) || k.length !== sortKeys.length || !k.every(isCursorValue)) {
    throw invalid('not a cursor returned by this API');
  }
  const endsWithId = sortKeys[sortKeys.length - 1]?.field.toLowerCase() === 'id';
  if (endsWithId && typeof k[k.length - 1] !== 'string')
    throw invalid('it does not end with a record Id');
  return k;
}
