import {
  encodeCursor,
  type SalesforceRecord,
  type SObjectName,
  type SortKey,
} from '../../../upstreams/salesforce/soql';
import type { ConnectionShape, EdgeShape } from '../../shared/connection.types';
import type { PageInfo } from '../../shared/page-info.type';
import { toNode, type NodeOf } from './node-types';

/**
 * An edge whose cursor is encoded only when read: most queries select `nodes` or leave
 * `cursor` out, and a nested page would otherwise encode one per child row.
 */
class LazyEdge<T> implements EdgeShape<T> {
  constructor(
    readonly node: T,
    private readonly record: SalesforceRecord,
    private readonly sortKeys: SortKey[],
  ) {}

  get cursor(): string {
    return encodeCursor(this.record, this.sortKeys);
  }
}

class LazyPageInfo implements PageInfo {
  constructor(
    readonly hasNextPage: boolean,
    readonly hasPreviousPage: boolean,
    private readonly edges: Array<EdgeShape<unknown>>,
  ) {}

  get startCursor(): string | null {
    return this.edges[0]?.cursor ?? null;
  }

  get endCursor(): string | null {
    return this.edges[this.edges.length - 1]?.cursor ?? null;
  }
}

/**
 * A Relay connection from up to `first + 1` keyset-ordered rows: the extra row only says
 * that another page exists. `after` means rows precede this page.
 */
export function buildConnection<S extends SObjectName>(
  sobject: S,
  rows: SalesforceRecord[],
  page: { sortKeys: SortKey[]; first: number; after?: string | null; totalCount?: number },
): ConnectionShape<NodeOf<S>> {
  const count = Math.min(rows.length, page.first);
  const edges: Array<EdgeShape<NodeOf<S>>> = new Array(count);
  const nodes: Array<NodeOf<S>> = new Array(count);
  for (let i = 0; i < count; i++) {
    const record = rows[i] as SalesforceRecord;
    const node = toNode(sobject, record);
    nodes[i] = node;
    edges[i] = new LazyEdge(node, record, page.sortKeys);
  }
  return {
    edges,
    nodes,
    pageInfo: new LazyPageInfo(rows.length > page.first, Boolean(page.after), edges),
    ...(page.totalCount === undefined ? {} : { totalCount: page.totalCount }),
  };
}
