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

/** `<Name>Edge` and `<Name>Connection` object types (Relay) for one node type. */
export function connectionTypes<T extends object>(name: string, nodeType: () => ClassType<T>) {
  @ObjectType(`${name}Edge`)
  class Edge implements EdgeShape<T> {
    @Field(() => String)
    cursor!: string;

    @Field(() => nodeType())
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class Connection implements ConnectionShape<T> {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => [nodeType()])
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int)
    totalCount?: number;
  }

  return { Edge, Connection };
}
