import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import { collectFields } from './collect-fields';

/**
 * graphql-js hands every item of a list the same `fieldNodes` array (built once per execution,
 * so with one set of variables): `account.contacts { totalCount }` under 200 opportunities
 * asks once, not 200 times.
 */
const answers = new WeakMap<ReadonlyArray<FieldNode>, Map<string, boolean>>();

/**
 * Whether the field path (e.g. ['totalCount'], ['pageInfo', 'hasNextPage']) is selected under the
 * field being resolved, through fragments and @include/@skip. Fragment type conditions are not
 * checked: a "yes" that costs one extra count query beats a wrong "no".
 */
export function isFieldSelected(info: GraphQLResolveInfo, path: string[]): boolean {
  let known = answers.get(info.fieldNodes);
  if (known === undefined) {
    known = new Map();
    answers.set(info.fieldNodes, known);
  }
  const key = path.join('.');
  const answer = known.get(key);
  if (answer !== undefined) return answer;
  const computed = lookUp(info, path);
  known.set(key, computed);
  return computed;
}

function lookUp(info: GraphQLResolveInfo, path: string[]): boolean {
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
