import { SoqlInputError } from './soql-input-error';

/**
 * Salesforce answers an HTML 414 page to a request URI over 16,384 bytes, and jsforce sends
 * every query as `GET /services/data/vNN.N/query?q=<encodeURIComponent(soql)>`.
 */
export const MAX_REQUEST_URI_BYTES = 16_384;

/**
 * The longest path a query travels under (`queryAll`, a three-digit API version), so the
 * check holds whatever SALESFORCE_API_VERSION is and whichever endpoint reads the query.
 */
const LONGEST_QUERY_PATH = '/services/data/v999.0/queryAll?q=';

/**
 * Bytes of the request URI that carries `soql`; percent-encoding makes it ASCII. encodeURIComponent
 * leaves `'` as it is, but the WHATWG URL parser under fetch encodes it in a query (`%27`), and
 * SOQL quotes every string and Id with it, so each one counts three bytes.
 */
export function queryUriLength(soql: string): number {
  const encoded = encodeURIComponent(soql);
  let quotes = 0;
  for (const c of encoded) if (c === "'") quotes++;
  return LONGEST_QUERY_PATH.length + encoded.length + 2 * quotes;
}

/**
 * Refuses, before any call, a query Salesforce would refuse with 414. Splitting the filter's
 * values over several queries would change paging, ordering and counts, so the caller is told
 * the limit instead.
 */
export function assertQueryFitsRequestUri(soql: string, argument = 'where'): void {
  const length = queryUriLength(soql);
  if (length > MAX_REQUEST_URI_BYTES) {
    throw new SoqlInputError(
      `The filter makes a query URL of ${length.toLocaleString('en-US')} characters; Salesforce accepts at most ${MAX_REQUEST_URI_BYTES.toLocaleString('en-US')} in a request URL; use fewer values (for example fewer ids in \`in\`) or split the request`,
      argument,
    );
  }
}
