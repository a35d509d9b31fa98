import { SoqlInputError } from './soql-input-error';
import type { SObjectName } from './soql.types';

/** `search(first:)` bounds; SOSL itself stops at 2,000 results. */
export const MIN_SEARCH_RESULTS = 1;
export const MAX_SEARCH_RESULTS = 200;
/** Salesforce refuses shorter search terms (INVALID_SEARCH); we say so before calling it. */
export const MIN_SEARCH_TEXT_LENGTH = 2;

/*
 * SOSL's reserved characters in FIND {...}: each is preceded by a backslash to be literal.
 * https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_sosl_find.htm
 */
const RESERVED = new Set([...'?&|!{}[]()^~*:\\"\'+-']);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface SearchQueryInput {
  text: string;
  /** In RETURNING order; each with the fields to return (Id included by the caller). */
  objects: ReadonlyArray<{ object: SObjectName; fields: readonly string[] }>;
  /** Applied per object and to the whole search. */
  limit: number;
}

/** The user's text as one literal phrase: every reserved character escaped, whitespace runs as one space. */
export function escapeSoslPhrase(text: string): string {
  let out = '';
  for (const c of text.trim().replace(/\s+/gu, ' ')) out += RESERVED.has(c) ? `\\${c}` : c;
  return out;
}

/**
 * `FIND {"<text>"} IN ALL FIELDS RETURNING Account(f, ... LIMIT n), ... LIMIT n`. The text is
 * sent as one quoted phrase, so words such as AND/OR in it are searched for, never operators,
 * and a brace or quote in it cannot end the search expression.
 */
export function buildSearchQuery(input: SearchQueryInput): string {
  const text = input.text.trim();
  if ([...text].length < MIN_SEARCH_TEXT_LENGTH) {
    throw new SoqlInputError(
      `Search text must be at least ${MIN_SEARCH_TEXT_LENGTH} characters long`,
      'text',
    );
  }
  if (LONE_SURROGATE.test(text)) {
    throw new SoqlInputError('Search text must not contain unpaired UTF-16 surrogates', 'text');
  }
  if (
    !Number.isInteger(input.limit) ||
    input.limit < MIN_SEARCH_RESULTS ||
    input.limit > MAX_SEARCH_RESULTS
  ) {
    throw new SoqlInputError(
      `first must be between ${MIN_SEARCH_RESULTS} and ${MAX_SEARCH_RESULTS}`,
      'first',
    );
  }
  const returning = input.objects
    .map(({ object, fields }) => `${object}(${fields.join(', ')} LIMIT ${input.limit})`)
    .join(', ');
  return `FIND {"${escapeSoslPhrase(text)}"} IN ALL FIELDS RETURNING ${returning} LIMIT ${input.limit}`;
}
