/**
 * Zendesk search queries the gateway writes: `organization:1 organization:2` (a ticket export,
 * whose type is the `filter[type]` parameter) and `type:user email:"a@b.com" email:"c@d.com"`.
 * Zendesk ORs repeated `keyword:value` terms of one property and ANDs the rest
 * (https://support.zendesk.com/hc/en-us/articles/4408886879258), so one query covers a page of
 * accounts. Values come from Salesforce records, so each must stay one literal of its term.
 */

/**
 * The longest `query=` value (URL-encoded) of one request. Zendesk documents no limit, but
 * proxies on the way commonly refuse URLs past 8 KB; a page of 50 accounts fits in one query.
 */
export const MAX_ENCODED_QUERY_LENGTH = 3000;
/** Terms per query, whatever their length: the same bound as the `show_many` endpoints. */
export const MAX_TERMS_PER_QUERY = 100;

/** A Zendesk numeric id (organization, user, ticket) as the API writes it. */
export function isZendeskId(value: string): boolean {
  return /^[1-9]\d{0,18}$/.test(value);
}

/**
 * `keyword:value` with the value kept one literal: numeric ids bare, anything else quoted.
 * Zendesk has no escape inside a quoted phrase, so a value holding a quote, a backslash,
 * whitespace or a control character cannot be written safely: undefined (it matches nothing).
 */
export function searchTerm(keyword: string, value: string): string | undefined {
  if (isZendeskId(value)) return `${keyword}:${value}`;
  if (value === '' || /["\\\s\p{Cc}]/u.test(value)) return undefined;
  return `${keyword}:"${value}"`;
}

function encodedLength(query: string): number {
  return new URLSearchParams({ query }).toString().length;
}

/** `prefix term term ...`; an empty prefix (an export, whose type is a parameter) is left out. */
export function searchQuery(prefix: string, terms: readonly string[]): string {
  return (prefix === '' ? terms : [prefix, ...terms]).join(' ');
}

/**
 * Groups of terms whose `prefix term term ...` query stays within the URL budget and
 * `MAX_TERMS_PER_QUERY`; the caller runs one query per group, in parallel.
 */
export function chunkTerms(
  prefix: string,
  terms: readonly string[],
  maxEncodedLength = MAX_ENCODED_QUERY_LENGTH,
): string[][] {
  const groups: string[][] = [];
  let current: string[] = [];
  for (const term of terms) {
    const next = [...current, term];
    if (
      current.length > 0 &&
      (next.length > MAX_TERMS_PER_QUERY ||
        encodedLength(searchQuery(prefix, next)) > maxEncodedLength)
    ) {
      groups.push(current);
      current = [term];
    } else {
      current = next;
    }
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** Splits a list into slices of at most `size` (the `show_many` endpoints take 100 values). */
export function slices<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
