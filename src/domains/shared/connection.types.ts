import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { PageInfo } from './page-info.type';

export interface EdgeShape<T> {
  cursor: string;
  node: T;
}

/** What connection resolvers return; `totalCount` is only computed when it was selected. */
export interface ConnectionShape<T> {
  edges: Array<EdgeShape<T>>;
  nodes: T[];
  pageInfo: PageInfo;
  totalCount?: number;
}

/** What a connection's schema text says about where its rows come from and what counting costs. */
export interface ConnectionDocs {
  /** `A page of Accounts` — the start of the connection type's description. */
  page: string;
  /** What `totalCount` counts and what it costs. */
  totalCount: string;
}

/** `<Name>Edge` and `<Name>Connection` object types (Relay) for one node type. */
export function connectionTypes<T extends object>(
  name: string,
  nodeType: () => ClassType<T>,
  docs: ConnectionDocs,
) {
  @ObjectType(`${name}Edge`, { description: `One ${name} of a page, with its cursor.` })
  class Edge implements EdgeShape<T> {
    @Field(() => String, {
      description: `Opaque cursor of this ${name}: pass it as \`after\`, with the same other arguments, to read the rows after it. A cursor the list cannot read (malformed, or taken under another sort order) is BAD_USER_INPUT.`,
    })
    cursor!: string;

    @Field(() => nodeType(), { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, {
    description: `${docs.page} (Relay cursor connection, forward paging with \`first\`/\`after\`). Select \`nodes\` when you need no cursors.`,
  })
  class Connection implements ConnectionShape<T> {
    @Field(() => [Edge], {
      description: 'The rows of this page with their cursors, in the connection’s order.',
    })
    edges!: Edge[];

    @Field(() => [nodeType()], {
      description: 'The rows of this page without cursors (the same as `edges { node }`).',
    })
    nodes!: T[];

    @Field(() => PageInfo, {
      description: 'Whether more rows follow, and the cursors to get them.',
    })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: docs.totalCount })
    totalCount?: number;
  }

  return { Edge, Connection };
}

/** The docs of a Salesforce-backed connection (keyset SOQL paging, COUNT() for totalCount). */
export function salesforceConnectionDocs(plural: string): ConnectionDocs {
  return {
    page: `A page of ${plural} the viewer can see in Salesforce`,
    totalCount: `Every ${plural.replace(/^[A-Z]/, (c) => c.toLowerCase())} matching \`where\` across all pages (not just this one), as the viewer can see them. Costs one SOQL COUNT() query more; a nested connection counts in one GROUP BY query per batch of up to 200 parents. Only asked when selected.`,
  };
}
