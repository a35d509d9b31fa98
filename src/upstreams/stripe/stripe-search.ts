/**
 * Stripe's search query language (https://docs.stripe.com/search#search-query-language):
 * clauses joined by OR, at most 10 per query, string values quoted. Inside a quoted value a
 * backslash escapes the next character ("You can escape quotes inside of quotes with a
 * backslash"), so a value is safe once its backslashes and quotes are escaped: it can never
 * close its literal and add a clause of its own.
 */
export const MAX_SEARCH_CLAUSES = 10;

/** `value` as one single-quoted literal of the search query language. */
export function searchLiteral(value: string): string {
  return `'${value.replace(/[\\'"]/g, (c) => `\\${c}`)}'`;
}

/** `metadata['key']:'value'`; metadata keys are config (letters, digits, `_`, `-`), escaped anyway. */
export function metadataClause(key: string, value: string): string {
  return `metadata[${searchLiteral(key)}]:${searchLiteral(value)}`;
}

export function fieldClause(field: 'customer', value: string): string {
  return `${field}:${searchLiteral(value)}`;
}

/** Splits `values` into chunks of at most `size`, keeping their order and dropping repeats. */
export function chunk<T>(values: readonly T[], size = MAX_SEARCH_CLAUSES): T[][] {
  const unique = [...new Set(values)];
  const chunks: T[][] = [];
  for (let i = 0; i < unique.length; i += size) chunks.push(unique.slice(i, i + size));
  return chunks;
}

/** One OR query per chunk of at most 10 values: the fewest queries Stripe accepts. */
export function orQueries(values: readonly string[], clause: (value: string) => string): string[] {
  return chunk(values).map((part) => part.map(clause).join(' OR '));
}
