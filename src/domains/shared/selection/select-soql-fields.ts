import { getNamedType, isObjectType, type GraphQLResolveInfo } from 'graphql';
import type { SObjectName } from '../../../upstreams/salesforce/soql';
import { collectFields, type SelectionContext } from './collect-fields';
import { fieldTypeName, walkRecord } from './soql-fields-from-selection';

function contextOf(
  info: GraphQLResolveInfo,
  linkFields: SelectionContext['linkFields'],
): SelectionContext {
  return {
    schema: info.schema,
    fragments: info.fragments,
    variables: info.variableValues,
    ...(linkFields ? { linkFields } : {}),
  };
}

/**
 * SOQL field paths for the record type `sobject` as selected under `info` (the field being resolved).
 * Follows fragments/inline fragments/aliases/@include/@skip; for connection fields looks into
 * `nodes { ... }` and `edges { node { ... } }`; parent relationships become paths
 * ('Account.Name', 'Account.Owner.Name', always with the parent's Id) up to 5 levels; child
 * connections are NOT included (they are loaded by loaders). Always includes 'Id'.
 */
export function selectSoqlFields(
  info: GraphQLResolveInfo,
  sobject: SObjectName,
  options?: { connection?: boolean; linkFields?: SelectionContext['linkFields'] },
): string[] {
  const ctx = contextOf(info, options?.linkFields);
  const out = new Set<string>(['Id']);
  const returned = getNamedType(info.returnType);
  // Behind an interface or union (node, search) fragments are matched against the record's own type.
  const typeName = isObjectType(returned) ? returned.name : sobject;
  for (const fieldNode of info.fieldNodes) {
    if (!options?.connection) {
      walkRecord(fieldNode.selectionSet, ctx, sobject, typeName, '', 0, out);
      continue;
    }
    for (const node of collectFields(fieldNode.selectionSet, ctx, typeName)) {
      const name = node.name.value;
      if (name === 'nodes') {
        const nodeType = fieldTypeName(ctx.schema, typeName, 'nodes') ?? sobject;
        walkRecord(node.selectionSet, ctx, sobject, nodeType, '', 0, out);
      } else if (name === 'edges') {
        const edgeType = fieldTypeName(ctx.schema, typeName, 'edges');
        for (const edgeField of collectFields(node.selectionSet, ctx, edgeType)) {
          if (edgeField.name.value !== 'node') continue;
          const nodeType = fieldTypeName(ctx.schema, edgeType, 'node') ?? sobject;
          walkRecord(edgeField.selectionSet, ctx, sobject, nodeType, '', 0, out);
        }
      }
    }
  }
  return [...out];
}
