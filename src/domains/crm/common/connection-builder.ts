import {
  encodeCursor,
  type SalesforceRecord,
  type SObjectName,
  type SortKey,
} from '../../../upstreams/salesforce/soql';
import type { ConnectionShape } from '../../shared/connection.types';
import { toNode, type NodeOf } from './node-types';

/**
 * A Relay connection from up to `first + 1` keyset-ordered rows: the extra row only says
 * that another page exists. `after` means rows precede this page.
 */
export function buildConnection<S extends SObjectName>(
  sobject: S,
  rows: SalesforceRecord[],
  page: { sortKeys: SortKey[]; first: number; after?: string | null; totalCount?: number },
): ConnectionShape<NodeOf<S>> {
  const visible = rows.slice(0, page.first);
  const edges = visible.map((record) => ({
    cursor: encodeCursor(record, page.sortKeys),
    node: toNode(sobject, record),
  }));
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: {
      hasNextPage: rows.length > page.first,
      hasPreviousPage: Boolean(page.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    ...(page.totalCount === undefined ? {} : { totalCount: page.totalCount }),
  };
}
