import type { CompanyData } from '../model/entities';
import {
  ENTITIES,
  propertyValue,
  type EntityDef,
  type EntityRow,
  type PropertyKind,
} from './entity-catalog';
import { parseQuery, type Condition, type Literal } from './query-parser';

/** A query QBO parses but refuses (code 4001, "Invalid query"). */
export class QueryValidationError extends Error {}

export const MAX_RESULTS_LIMIT = 1000;
/** QBO answers 100 rows when MAXRESULTS is absent. */
export const DEFAULT_MAX_RESULTS = 100;

/** `QueryResponse` as QBO sends it: `{}` when nothing matched. */
export type QueryResponse = Record<string, unknown>;

/** Runs one IDS query over the company; throws `QueryParserError` or `QueryValidationError`. */
export function runQuery(data: CompanyData, text: string): QueryResponse {
  const query = parseQuery(text);
  const def = ENTITIES[query.entity.toLowerCase()];
  if (!def)
    throw new QueryValidationError(
      `QueryValidationError: Invalid context declaration : ${query.entity}`,
    );
  const filters = query.where.map((c) => compile(def, c));
  const matched = def.rows(data).filter((row) => filters.every((f) => f(row)));
  if (query.projection === 'count') return { totalCount: matched.length };

  const maxResults = query.maxResults ?? DEFAULT_MAX_RESULTS;
  if (maxResults > MAX_RESULTS_LIMIT)
    throw new QueryValidationError(
      `QueryValidationError: value ${maxResults} is too large. Max allowed value is ${MAX_RESULTS_LIMIT}`,
    );
  const startPosition = Math.max(1, query.startPosition ?? 1);
  const order = query.orderBy.length > 0 ? query.orderBy : [{ field: 'Id', descending: false }];
  const comparators = order.map(({ field, descending }) => {
    const prop = property(def, field);
    return (a: EntityRow, b: EntityRow) =>
      compareValues(
        propertyValue(a, prop.path, prop.kind),
        propertyValue(b, prop.path, prop.kind),
        prop.kind,
      ) * (descending ? -1 : 1);
  });
  const sorted = [...matched].sort((a, b) => {
    for (const cmp of comparators) {
      const c = cmp(a, b);
      if (c !== 0) return c;
    }
    return 0;
  });
  const page = sorted.slice(startPosition - 1, startPosition - 1 + maxResults);
  if (page.length === 0) return {};
  const rows =
    query.projection === '*' ? page : page.map((row) => project(row, query.projection as string[]));
  return { [def.name]: rows, startPosition, maxResults: page.length };
}

function property(def: EntityDef, field: string): { path: string; kind: PropertyKind } {
  const prop = def.properties[field.toLowerCase()];
  if (!prop)
    throw new QueryValidationError(`QueryValidationError: property '${field}' is not queryable`);
  return prop;
}

function compile(def: EntityDef, condition: Condition): (row: EntityRow) => boolean {
  const prop = property(def, condition.field);
  const read = (row: EntityRow) => propertyValue(row, prop.path, prop.kind);
  const { operator, value } = condition;
  if (operator === 'IN') {
    const list = value as Literal[];
    return (row) => list.some((v) => compareValues(read(row), v, prop.kind) === 0);
  }
  const literal = value as Literal;
  if (operator === 'LIKE') {
    const pattern = new RegExp(
      `^${String(literal)
        .split('%')
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`,
      'is',
    );
    return (row) => {
      const v = read(row);
      return v !== undefined && v !== null && pattern.test(String(v));
    };
  }
  return (row) => {
    const v = read(row);
    if (v === undefined || v === null) return false;
    const c = compareValues(v, literal, prop.kind);
    switch (operator) {
      case '=':
        return c === 0;
      case '<':
        return c < 0;
      case '>':
        return c > 0;
      case '<=':
        return c <= 0;
      default:
        return c >= 0;
    }
  };
}

function compareValues(a: unknown, b: unknown, kind: PropertyKind): number {
  if (a === undefined || a === null) return b === undefined || b === null ? 0 : -1;
  if (b === undefined || b === null) return 1;
  if (kind === 'number' || (kind === 'ref' && isNumeric(a) && isNumeric(b)))
    return Number(a) - Number(b);
  if (kind === 'boolean') return Number(toBoolean(a)) - Number(toBoolean(b));
  if (kind === 'dateTime') return Date.parse(String(a)) - Date.parse(String(b));
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function isNumeric(v: unknown): boolean {
  return /^-?\d+(\.\d+)?$/.test(String(v));
}

function toBoolean(v: unknown): boolean {
  return v === true || String(v).toLowerCase() === 'true';
}

/** `select Id, DisplayName from Customer`: the named properties (and Id), as a sparse entity. */
function project(row: EntityRow, fields: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { Id: row.Id };
  const source = row as unknown as Record<string, unknown>;
  for (const field of fields) {
    const key = Object.keys(source).find((k) => k.toLowerCase() === field.toLowerCase());
    if (!key)
      throw new QueryValidationError(`QueryValidationError: property '${field}' is not queryable`);
    out[key] = source[key];
  }
  return { ...out, domain: 'QBO', sparse: true };
}
