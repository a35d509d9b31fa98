import type { SalesforceClient } from '../client';
import {
  buildConnectionQuery,
  buildCountQuery,
  type ConnectionQueryInput,
  type SalesforceRecord,
  type SortKey,
} from '../soql';

export interface ConnectionPage {
  /** Up to `first + 1` rows: the extra row only tells that a next page exists. */
  records: SalesforceRecord[];
  sortKeys: SortKey[];
  /** Set when asked for: one COUNT() query beside the page. */
  totalCount: number | undefined;
}

/**
 * One keyset page of `input.object` in one SOQL call, and a COUNT() in parallel only when the
 * total is wanted (it costs an API call). A page is one batch: `first` stays below 2,000.
 */
export async function readConnectionPage(
  client: SalesforceClient,
  input: ConnectionQueryInput,
  options: { withTotalCount: boolean },
): Promise<ConnectionPage> {
  const compiled = buildConnectionQuery(input);
  const countSoql = options.withTotalCount
    ? buildCountQuery({
        object: input.object,
        where: input.where ?? null,
        scope: input.scope ?? null,
      })
    : null;
  const [page, count] = await Promise.all([
    client.query(compiled.soql),
    countSoql === null ? null : client.query(countSoql),
  ]);
  return { records: page.records, sortKeys: compiled.sortKeys, totalCount: count?.totalSize };
}
