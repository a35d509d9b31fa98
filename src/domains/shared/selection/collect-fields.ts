import {
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  isObjectType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import type { LinkFieldKey } from '../../../upstreams/salesforce/soql';

export interface SelectionContext {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  /**
   * The configured Account link fields (`ctx.linkFields`): selecting `payments`, `tickets`,
   * `invoices` or `customer360` adds them to the record's SOQL. Absent: resolvers load them.
   */
  linkFields?: Readonly<Record<LinkFieldKey, string>>;
}

function included(node: SelectionNode, variables: Record<string, unknown>): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
  if (getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if === false) return false;
  return true;
}

/** graphql-js's rule: a fragment applies to its own type and to types inside its interface/union. */
function conditionMatches(
  ctx: SelectionContext,
  condition: string | undefined,
  typeName: string | undefined,
): boolean {
  if (!condition || !typeName || condition === typeName) return true;
  const conditionType = ctx.schema.getType(condition);
  const type = ctx.schema.getType(typeName);
  if (!conditionType || !type) return false;
  return (
    isAbstractType(conditionType) && isObjectType(type) && ctx.schema.isSubType(conditionType, type)
  );
}

/**
 * The fields a selection set asks for on `typeName`, with fragment spreads and inline fragments
 * flattened and @skip/@include applied, as graphql-js executes them. Aliases of one field all
 * appear. With no `typeName` every fragment counts (a conservative "may be selected").
 */
export function collectFields(
  selectionSet: SelectionSetNode | undefined,
  ctx: SelectionContext,
  typeName: string | undefined,
  out: FieldNode[] = [],
  visited: Set<string> = new Set(),
): FieldNode[] {
  for (const selection of selectionSet?.selections ?? []) {
    if (!included(selection, ctx.variables)) continue;
    if (selection.kind === Kind.FIELD) {
      out.push(selection);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (conditionMatches(ctx, selection.typeCondition?.name.value, typeName)) {
        collectFields(selection.selectionSet, ctx, typeName, out, visited);
      }
    } else {
      const name = selection.name.value;
      const fragment = ctx.fragments[name];
      // A fragment spread twice contributes its fields once; validation already forbids cycles.
      if (!fragment || visited.has(name)) continue;
      visited.add(name);
      if (conditionMatches(ctx, fragment.typeCondition.name.value, typeName)) {
        collectFields(fragment.selectionSet, ctx, typeName, out, visited);
      }
    }
  }
  return out;
}
