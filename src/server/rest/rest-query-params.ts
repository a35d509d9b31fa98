/**
 * REST query strings → the GraphQL list arguments (`where`, `orderBy`, `first`, `after`).
 *
 * Filters: `field=value` is `{ field: { eq: value } }`; `field[op]=value` is any operator of
 * the field's GraphQL filter input (`amount[gte]=1000`, `name[like]=Acme%`,
 * `industry[in]=Energy,Banking`, `ownerId[isNull]=true`). Several filters are ANDed.
 * Sorting: `sort=-amount,name` (a leading `-` is descending). Paging: `first` (1..200) and
 * `after` (the `endCursor` of the previous page). Anything else is a 400 naming the parameter.
 */

/** The value type of a filterable field, as its GraphQL filter input (`FloatFilter`, …) has it. */
export type FilterKind = 'string' | 'id' | 'float' | 'int' | 'boolean' | 'date' | 'datetime';

export const FILTER_OPERATORS: Readonly<Record<FilterKind, readonly string[]>> = {
  string: ['eq', 'ne', 'in', 'nin', 'like', 'isNull'],
  id: ['eq', 'ne', 'in', 'nin', 'isNull'],
  float: ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'nin', 'isNull'],
  int: ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'nin', 'isNull'],
  boolean: ['eq', 'ne', 'isNull'],
  date: ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'isNull'],
  datetime: ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'isNull'],
};

const LIST_OPERATORS = new Set(['in', 'nin']);

/** The gateway's cap on `first` (MAX_PAGE_SIZE's default; the schema refuses more anyway). */
export const MAX_PAGE_SIZE = 200;

export interface ListParamsSpec {
  /** camelCase filter fields of the resource's GraphQL `where` input and their kinds. */
  filters: Readonly<Record<string, FilterKind>>;
  /** camelCase fields `sort` accepts; each maps to the UPPER_SNAKE value of its sort enum. */
  sortFields?: readonly string[];
  /** Whether `first`/`after` are accepted (lists), or only filters (reports). */
  paging?: boolean;
}

export interface ListArguments {
  where?: Record<string, Record<string, unknown>>;
  orderBy?: Array<{ field: string; direction: 'ASC' | 'DESC' }>;
  first?: number;
  after?: string;
}

/** Problems by parameter name, as the 400 body's `fields` carries them. */
export type FieldProblems = Record<string, string>;

export type Parsed<T> = { ok: true; value: T } | { ok: false; fields: FieldProblems };

const FILTER_PARAM = /^([A-Za-z][A-Za-z0-9_]*)(?:\[([A-Za-z]+)\])?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const INTEGER = /^-?\d+$/;

/** `closeMonth` → `CLOSE_MONTH`: the enum values of the schema's sort and grouping enums. */
export function toEnumValue(camel: string): string {
  return camel.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

type Coerced = { ok: true; value: unknown } | { ok: false; problem: string };

function coerceScalar(kind: FilterKind, raw: string): Coerced {
  switch (kind) {
    case 'string':
    case 'id':
      return { ok: true, value: raw };
    case 'float': {
      const value = Number(raw);
      return raw.trim() !== '' && Number.isFinite(value)
        ? { ok: true, value }
        : { ok: false, problem: 'must be a number' };
    }
    case 'int':
      return INTEGER.test(raw) && Number.isSafeInteger(Number(raw))
        ? { ok: true, value: Number(raw) }
        : { ok: false, problem: 'must be an integer' };
    case 'boolean':
      return raw === 'true' || raw === 'false'
        ? { ok: true, value: raw === 'true' }
        : { ok: false, problem: 'must be true or false' };
    case 'date':
      return DATE.test(raw) && !Number.isNaN(Date.parse(raw))
        ? { ok: true, value: raw }
        : { ok: false, problem: 'must be a date (YYYY-MM-DD)' };
    case 'datetime':
      return DATE_TIME.test(raw) && !Number.isNaN(Date.parse(raw))
        ? { ok: true, value: raw }
        : {
            ok: false,
            problem: 'must be an ISO 8601 date-time with a zone (2025-01-31T12:00:00Z)',
          };
  }
}

function coerceOperand(kind: FilterKind, operator: string, raws: readonly string[]): Coerced {
  if (operator === 'isNull') {
    if (raws.length !== 1) return { ok: false, problem: 'may be given once' };
    return coerceScalar('boolean', raws[0] ?? '');
  }
  if (LIST_OPERATORS.has(operator)) {
    // Each occurrence adds values; each is split on commas.
    const items = raws.flatMap((raw) => raw.split(',')).filter((item) => item !== '');
    if (items.length === 0) return { ok: false, problem: 'needs at least one value' };
    const values: unknown[] = [];
    for (const item of items) {
      const coerced = coerceScalar(kind, item);
      if (!coerced.ok) return { ok: false, problem: `each value ${coerced.problem}` };
      values.push(coerced.value);
    }
    return { ok: true, value: values };
  }
  if (raws.length !== 1) {
    return { ok: false, problem: 'may be given once (use [in] for several values)' };
  }
  return coerceScalar(kind, raws[0] ?? '');
}

/** The query parameters of one request, repeated names kept in order. */
function grouped(search: URLSearchParams): Map<string, string[]> {
  const params = new Map<string, string[]>();
  for (const [name, value] of search) params.set(name, [...(params.get(name) ?? []), value]);
  return params;
}

function parsePositiveInt(raw: string, max: number): number | undefined {
  if (!INTEGER.test(raw)) return undefined;
  const value = Number(raw);
  return value >= 1 && value <= max ? value : undefined;
}

function parseSort(
  raw: string,
  sortFields: readonly string[],
): Parsed<NonNullable<ListArguments['orderBy']>> {
  const orderBy: NonNullable<ListArguments['orderBy']> = [];
  for (const term of raw.split(',')) {
    const descending = term.startsWith('-');
    const field = descending ? term.slice(1) : term;
    if (!sortFields.includes(field)) {
      return {
        ok: false,
        fields: { sort: `cannot sort by "${field}"; one of ${sortFields.join(', ')}` },
      };
    }
    if (orderBy.some((key) => key.field === toEnumValue(field))) {
      return { ok: false, fields: { sort: `"${field}" is named twice` } };
    }
    orderBy.push({ field: toEnumValue(field), direction: descending ? 'DESC' : 'ASC' });
  }
  return { ok: true, value: orderBy };
}

/**
 * An empty problem list without a prototype: a problem reported under a name such as
 * `__proto__` is kept as an own entry like any other.
 */
export function problems(): FieldProblems {
  return Object.create(null) as FieldProblems;
}

/**
 * The list arguments of a query string, or every problem found (all at once, so one 400
 * answers them all). The GraphQL schema still validates what passes here.
 */
export function parseListParams(
  search: URLSearchParams,
  spec: ListParamsSpec,
): Parsed<ListArguments> {
  const fields = problems();
  const args: ListArguments = {};
  const where: Record<string, Record<string, unknown>> = {};
  for (const [name, raws] of grouped(search)) {
    if (spec.paging && (name === 'first' || name === 'after')) {
      if (raws.length !== 1) {
        fields[name] = 'may be given once';
      } else if (name === 'first') {
        const first = parsePositiveInt(raws[0] ?? '', MAX_PAGE_SIZE);
        if (first === undefined) fields.first = `must be an integer from 1 to ${MAX_PAGE_SIZE}`;
        else args.first = first;
      } else if ((raws[0] ?? '') === '') {
        fields.after = 'must be the endCursor of a previous page';
      } else {
        args.after = raws[0];
      }
      continue;
    }
    if (name === 'sort' && spec.sortFields) {
      const sort = raws.length === 1 ? parseSort(raws[0] ?? '', spec.sortFields) : undefined;
      if (sort === undefined) fields.sort = 'may be given once';
      else if (sort.ok) args.orderBy = sort.value;
      else Object.assign(fields, sort.fields);
      continue;
    }
    const match = FILTER_PARAM.exec(name);
    const field = match?.[1];
    // Own keys only: `?constructor=1` must not find Object.prototype's.
    const kind =
      field === undefined || !Object.hasOwn(spec.filters, field) ? undefined : spec.filters[field];
    if (field === undefined || kind === undefined) {
      fields[name] = `unknown parameter; filters: ${Object.keys(spec.filters).join(', ')}`;
      continue;
    }
    const operator = match?.[2] ?? 'eq';
    if (!FILTER_OPERATORS[kind].includes(operator)) {
      fields[name] =
        `unknown operator "${operator}" for ${field}; one of ${FILTER_OPERATORS[kind].join(', ')}`;
      continue;
    }
    const operand = coerceOperand(kind, operator, raws);
    if (!operand.ok) {
      fields[name] = operand.problem;
      continue;
    }
    const operators = (where[field] ??= {});
    if (operator in operators) {
      fields[name] = `${field}[${operator}] is given twice (as ${field} and ${field}[eq])`;
      continue;
    }
    operators[operator] = operand.value;
  }
  if (Object.keys(fields).length > 0) return { ok: false, fields };
  if (Object.keys(where).length > 0) args.where = where;
  return { ok: true, value: args };
}
