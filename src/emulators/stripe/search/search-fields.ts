import { stripeErrors } from '../model/stripe-error';
import type { Metadata } from '../model/stripe-objects';
import type { Clause, SearchQuery } from './search-query';

/** How one searchable field is read and compared. */
export interface SearchField<T> {
  /** `string`: case-insensitive exact and substring; `token`: exact only; `number`: comparisons. */
  kind: 'string' | 'token' | 'number';
  read(object: T): string | number | null;
}

export interface SearchableResource<T> {
  /** As named in Stripe's error messages and docs, e.g. `payment_intents`. */
  resource: string;
  fields: Record<string, SearchField<T>>;
  metadata(object: T): Metadata;
}

/** Validates every clause against the resource's fields, then returns the matcher. */
export function compileSearch<T>(
  query: SearchQuery,
  resource: SearchableResource<T>,
): (object: T) => boolean {
  const tests = query.clauses.map((clause) => compileClause(clause, resource));
  return query.combinator === 'OR'
    ? (object) => tests.some((test) => test(object))
    : (object) => tests.every((test) => test(object));
}

function compileClause<T>(clause: Clause, resource: SearchableResource<T>): (object: T) => boolean {
  const { read, kind } = fieldReader(clause, resource);
  const { operator, value } = clause;
  let test: (actual: string | number | null) => boolean;
  if (value.kind === 'null') {
    if (operator !== ':') throw unsupported(`${operator} cannot be used with null`);
    test = (actual) => actual === null || actual === '';
  } else if (operator === '~') {
    if (kind !== 'string' || value.kind !== 'string')
      throw unsupported(`substring matching (~) is not supported by ${describe(clause)}`);
    if (value.text.length < 3)
      throw unsupported('substring matching (~) needs a value of at least 3 characters');
    const needle = value.text.toLowerCase();
    test = (actual) => typeof actual === 'string' && actual.toLowerCase().includes(needle);
  } else if (operator === ':') {
    if (kind === 'number') {
      const expected = value.kind === 'number' ? value.value : Number(value.text);
      if (!Number.isFinite(expected)) throw unsupported(`${describe(clause)} needs a number`);
      test = (actual) => actual === expected;
    } else {
      const expected = value.kind === 'string' ? value.text : String(value.value);
      test = (actual) =>
        typeof actual === 'string' &&
        (kind === 'string' ? actual.toLowerCase() === expected.toLowerCase() : actual === expected);
    }
  } else {
    if (kind !== 'number')
      throw unsupported(`${operator} is only supported by numeric fields, not ${describe(clause)}`);
    const bound = value.kind === 'number' ? value.value : Number(value.text);
    if (!Number.isFinite(bound)) throw unsupported(`${describe(clause)} needs a number`);
    test = (actual) => typeof actual === 'number' && compare(actual, operator, bound);
  }
  return clause.negated ? (object) => !test(read(object)) : (object) => test(read(object));
}

function fieldReader<T>(
  clause: Clause,
  resource: SearchableResource<T>,
): { read: (object: T) => string | number | null; kind: SearchField<T>['kind'] } {
  if (clause.field.kind === 'metadata') {
    const key = clause.field.key;
    return { read: (object) => resource.metadata(object)[key] ?? null, kind: 'token' };
  }
  const field = resource.fields[clause.field.name];
  if (!field) {
    throw stripeErrors.searchQuery(
      `Field \`${clause.field.name}\` is an unsupported search field for resource \`${resource.resource}\`. See https://stripe.com/docs/search#query-fields-for-${resource.resource.replace(/_/g, '-')} for a list of supported fields.`,
    );
  }
  return { read: (object) => field.read(object), kind: field.kind };
}

function compare(actual: number, operator: string, bound: number): boolean {
  switch (operator) {
    case '>':
      return actual > bound;
    case '<':
      return actual < bound;
    case '>=':
      return actual >= bound;
    default:
      return actual <= bound;
  }
}

function describe(clause: Clause): string {
  return clause.field.kind === 'metadata'
    ? `metadata['${clause.field.key}']`
    : `\`${clause.field.name}\``;
}

function unsupported(message: string) {
  return stripeErrors.searchQuery(`Invalid query: ${message}.`);
}
