import type { OrderByClause } from '@jetstreamapp/soql-parser-js';
import { SoqlInputError } from './soql-input-error';
import type { ObjectMapping, OrderByInput, SortKey } from './soql.types';

/**
 * Sort keys for an orderBy argument: each entry's enum value mapped to its SOQL field, `nulls`
 * defaulting the way Salesforce does (ASC -> FIRST, DESC -> LAST), and Id ASC appended as the
 * final tiebreaker so the order is total, which keyset paging needs.
 */
export function resolveSortKeys(
  mapping: ObjectMapping,
  orderBy: OrderByInput[] | null | undefined,
): SortKey[] {
  if (orderBy !== undefined && orderBy !== null && !Array.isArray(orderBy)) {
    throw new SoqlInputError('orderBy must be a list', 'orderBy');
  }
  const keys: SortKey[] = [];
  const seen = new Set<string>();
  (orderBy ?? []).forEach((entry, i) => {
    const at = `orderBy[${i}]`;
    const field = sortField(mapping, entry?.field, at);
    if (seen.has(field.toLowerCase()))
      throw new SoqlInputError(`${at}: ${entry.field} is already sorted on`, 'orderBy');
    seen.add(field.toLowerCase());
    const direction = entry.direction ?? 'ASC';
    if (direction !== 'ASC' && direction !== 'DESC') {
      throw new SoqlInputError(`${at}.direction must be ASC or DESC`, 'orderBy');
    }
    const nulls = entry.nulls ?? (direction === 'ASC' ? 'FIRST' : 'LAST');
    if (nulls !== 'FIRST' && nulls !== 'LAST')
      throw new SoqlInputError(`${at}.nulls must be FIRST or LAST`, 'orderBy');
    keys.push({ field, direction, nulls });
  });
  if (!seen.has('id')) keys.push({ field: 'Id', direction: 'ASC', nulls: 'FIRST' });
  return keys;
}

function sortField(mapping: ObjectMapping, value: unknown, at: string): string {
  if (typeof value === 'string') {
    const byEnum = mapping.sortFields[value];
    if (byEnum) return byEnum;
    // Schemas whose enums carry the SOQL name as internal value (AnnualRevenue) work too.
    const bySoql = Object.values(mapping.sortFields).find(
      (f) => f.toLowerCase() === value.toLowerCase(),
    );
    if (bySoql) return bySoql;
  }
  const known = Object.keys(mapping.sortFields).join(', ');
  throw new SoqlInputError(
    `${at}.field: unknown sort field ${JSON.stringify(value)} for ${mapping.sobject}; expected one of ${known}`,
    'orderBy',
  );
}

/** ORDER BY clauses with NULLS always explicit, so the order never depends on a default. */
export function orderByClauses(keys: SortKey[]): OrderByClause[] {
  return keys.map((k) => ({ field: k.field, order: k.direction, nulls: k.nulls }));
}
