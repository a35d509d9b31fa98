import type { OrderByClause } from '@jetstreamapp/soql-parser-js';
type Key = string | number | boolean | null;

/** One ORDER BY key: a reader of the comparable value plus direction and null placement. */
export interface SortKey<R> {
  read: (row: R) => Key;
  descending: boolean;
  nullsFirst: boolean;
}

/** Salesforce's defaults: ASC puts nulls first, DESC puts them last. */
export function sortKey<R>(clause: OrderByClause, read: (row: R) => Key): SortKey<R> {
  const descending = clause.order?.toUpperCase() === 'DESC';
  const nulls = clause.nulls?.toUpperCase();
  return { read, descending, nullsFirst: nulls ? nulls === 'FIRST' : !descending };
}

/**
 * Sorts by precomputed key columns (reading a parent path per comparison would repeat
 * lookups n·log n times) over an index array, so the comparator stays monomorphic and
 * allocation-free. Stable: ties keep the store's order.
 */
export function sortRows<R>(rows: R[], keys: SortKey<R>[]): R[] {
  if (keys.length === 0 || rows.length < 2) return rows;
  const columns = keys.map((key) => rows.map((row) => key.read(row)));
  const order = rows.map((_, i) => i);
  const steps = keys.map((key, k) => ({
    column: columns[k] as Key[],
    direction: key.descending ? -1 : 1,
    nulls: key.nullsFirst ? -1 : 1,
  }));
  order.sort((a, b) => {
    for (const step of steps) {
      const x = step.column[a] ?? null;
      const y = step.column[b] ?? null;
      if (x === y) continue;
      if (x === null) return step.nulls;
      if (y === null) return -step.nulls;
      return (x < y ? -1 : 1) * step.direction;
    }
    return a - b;
  });
  return order.map((i) => rows[i] as R);
}
