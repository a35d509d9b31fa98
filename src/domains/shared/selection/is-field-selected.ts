import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import { collectFields } from './collect-fields';

/**
 * Whether the field path (e.g. ['totalCount'], ['pageInfo', 'hasNextPage']) is selected under the
 * field being resolved, through fragments and @include/@skip. Fragment type conditions are not
 * checked: a "yes" that costs one extra count query beats a wrong "no".
 */
export function isFieldSelected(info: GraphQLResolveInfo, path: string[]): boolean {
  const ctx = { schema: info.schema, fragments: info.fragments, variables: info.variableValues };
  let level: readonly FieldNode[] = info.fieldNodes;
  for (const name of path) {
    level = level.flatMap((node) =>
      collectFields(node.selectionSet, ctx, undefined).filter((f) => f.name.value === name),
    );
    if (level.length === 0) return false;
  }
  return path.length > 0;
}
