import { Field, ID, InterfaceType } from 'type-graphql';

function typeNameOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const explicit = (value as { __typename?: unknown }).__typename;
  if (typeof explicit === 'string') return explicit;
  // Domain objects are class instances named after their GraphQL type, so modules that do
  // not share our classes (search, subscriptions) can still return plain `__typename` objects.
  const ctor = (value as { constructor?: { name?: unknown } }).constructor;
  return typeof ctor?.name === 'string' && ctor.name !== 'Object' ? ctor.name : undefined;
}

@InterfaceType({ resolveType: typeNameOf })
export abstract class Node {
  @Field(() => ID)
  id!: string;
}
