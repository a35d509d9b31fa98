/**
 * Statements of QuickBooks Online's query language (IDS: `select * from Invoice where
 * CustomerRef in ('1','2') startposition 1 maxresults 1000`). It has `IN (...)` but no `OR`, so
 * every batched lookup is one `IN` list.
 */

/** QBO answers at most this many rows per statement (`maxresults` above it is a ValidationFault). */
export const MAX_RESULTS = 1000;

/**
 * node-quickbooks sends the statement in the URL (`GET /query?query=...`). Intuit documents no
 * statement limit, but its front ends refuse request lines past about 8 KB: lists are split
 * so that each URL-encoded statement stays under this many characters.
 */
export const MAX_ENCODED_QUERY_LENGTH = 6000;

/**
 * A string literal: `'` and `\` are backslash-escaped, as Intuit's own SDK samples do
 * (`displayName.Replace("'", "\\'")`, IntuitDeveloperRelations gist 6582149). Escaping the
 * backslash too keeps a value ending in `\` from escaping the closing quote, so any input
 * stays inside one literal.
 */
export function qboString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export type QueryEntity = 'Customer' | 'Invoice';

/** The pieces of one `select * from <entity> where <field> in (...)` statement. */
export interface InListQuery {
  entity: QueryEntity;
  field: string;
  values: readonly string[];
}

/**
 * What follows `select * from <entity>`: node-quickbooks' `find<Entity>s(criteria)` writes that
 * head itself and appends a string criteria as is.
 */
export function inListCriteria(query: InListQuery, startPosition = 1): string {
  const list = query.values.map(qboString).join(',');
  return `where ${query.field} in (${list}) startposition ${startPosition} maxresults ${MAX_RESULTS}`;
}

/** The whole statement QBO receives. */
export function inListStatement(query: InListQuery, startPosition = 1): string {
  return `select * from ${query.entity} ${inListCriteria(query, startPosition)}`;
}

function encodedLength(statement: string): number {
  return encodeURIComponent(statement).length;
}

/**
 * The distinct values split into as few `IN` lists as the statement length allows (one for a
 * page of 50 accounts). A single value too long for any statement is still sent alone: QBO
 * then answers for itself.
 */
export function inListQueries(
  entity: QueryEntity,
  field: string,
  values: Iterable<string>,
  maxEncodedLength = MAX_ENCODED_QUERY_LENGTH,
): InListQuery[] {
  const distinct = [...new Set(values)];
  const chunks: InListQuery[] = [];
  let current: string[] = [];
  // The statement with the largest start position paging can reach, so later pages fit too.
  const fits = (candidate: string[]) =>
    encodedLength(inListStatement({ entity, field, values: candidate }, Number.MAX_SAFE_INTEGER)) <=
    maxEncodedLength;
  for (const value of distinct) {
    const candidate = [...current, value];
    if (current.length > 0 && !fits(candidate)) {
      chunks.push({ entity, field, values: current });
      current = [value];
    } else {
      current = candidate;
    }
  }
  if (current.length > 0) chunks.push({ entity, field, values: current });
  return chunks;
}
