import {
  OBJECT_MAPPINGS,
  type FilterInput,
  type OrderByInput,
  type SObjectName,
} from '../../../upstreams/salesforce/soql';
import { toSalesforce } from './salesforce-values';

const LOGICAL = new Set(['and', 'or', 'not']);

function plainOperators(value: unknown, convert: (v: unknown) => unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const result: Record<string, unknown> = {};
  for (const [operator, operand] of Object.entries(value)) {
    if (operand === undefined) continue;
    if (operator === 'relative') result[operator] = operand === null ? null : { ...operand };
    else result[operator] = Array.isArray(operand) ? operand.map(convert) : convert(operand);
  }
  return result;
}

/**
 * A `where` argument as the SOQL compiler takes it: plain objects (type-graphql hands us
 * class instances) with Date scalars back in Salesforce's literal forms for their field kind.
 */
export function toFilterInput(
  object: SObjectName,
  where: object | null | undefined,
): FilterInput | null {
  if (where === null || where === undefined) return null;
  const filters = OBJECT_MAPPINGS[object].filters;
  const result: FilterInput = {};
  for (const [key, value] of Object.entries(where)) {
    if (value === undefined) continue;
    if (key === 'and' || key === 'or') {
      result[key] = Array.isArray(value)
        ? value.map((item: object) => toFilterInput(object, item) ?? {})
        : null;
    } else if (key === 'not') {
      result.not = toFilterInput(object, value as object | null);
    } else if (!LOGICAL.has(key)) {
      const kind = filters[key]?.kind ?? 'string';
      result[key] = plainOperators(value, (operand) => toSalesforce(kind, operand));
    }
  }
  return result;
}

export function toOrderByInput(
  orderBy:
    | ReadonlyArray<{ field: string; direction?: string | null; nulls?: string | null }>
    | null
    | undefined,
): OrderByInput[] | null {
  if (!orderBy) return null;
  return orderBy.map((key) => ({
    field: key.field,
    direction: key.direction === 'DESC' ? 'DESC' : 'ASC',
    nulls: key.nulls === 'FIRST' || key.nulls === 'LAST' ? key.nulls : null,
  }));
}
