import {
  getNamedType,
  isObjectType,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { OBJECT_MAPPINGS, type SObjectName } from '../../../upstreams/salesforce/soql';
import { collectFields, type SelectionContext } from './collect-fields';

/** SOQL follows at most five parent relationships in one path. */
const MAX_PARENT_DEPTH = 5;

/** The GraphQL type name of field `fieldName` on `typeName`, if the schema knows it. */
export function fieldTypeName(
  schema: GraphQLSchema,
  typeName: string | undefined,
  fieldName: string,
): string | undefined {
  const type = typeName ? schema.getType(typeName) : undefined;
  if (!type || !isObjectType(type)) return undefined;
  const field = type.getFields()[fieldName];
  return field ? getNamedType(field.type).name : undefined;
}

function addressParts(
  ctx: SelectionContext,
  node: FieldNode,
  typeName: string | undefined,
  parts: Record<string, string>,
): string[] {
  const selected = collectFields(
    node.selectionSet,
    ctx,
    fieldTypeName(ctx.schema, typeName, node.name.value),
  )
    .map((f) => parts[f.name.value])
    .filter((p): p is string => p !== undefined);
  // Only __typename asked: still fetch the parts, so the resolver can tell a null address apart.
  return selected.length > 0 ? selected : Object.values(parts);
}

export function walkRecord(
  selectionSet: SelectionSetNode | undefined,
  ctx: SelectionContext,
  sobject: SObjectName,
  typeName: string | undefined,
  prefix: string,
  depth: number,
  out: Set<string>,
): void {
  const mapping = OBJECT_MAPPINGS[sobject];
  out.add(`${prefix}Id`);
  for (const node of collectFields(selectionSet, ctx, typeName)) {
    const name = node.name.value;
    const scalar = mapping.fields[name];
    if (scalar) {
      out.add(prefix + scalar.soql);
      continue;
    }
    const address = mapping.addresses[name];
    if (address) {
      for (const part of addressParts(ctx, node, typeName, { ...address })) out.add(prefix + part);
      continue;
    }
    const parent = mapping.parents[name];
    if (parent) {
      out.add(prefix + parent.idField);
      // Past SOQL's depth limit the Id is enough: a loader fetches the rest.
      if (depth >= MAX_PARENT_DEPTH) continue;
      const parentType = fieldTypeName(ctx.schema, typeName, name) ?? parent.target;
      walkRecord(
        node.selectionSet,
        ctx,
        parent.target,
        parentType,
        `${prefix}${parent.relationship}.`,
        depth + 1,
        out,
      );
    }
    const linked = mapping.linked?.[name];
    if (linked) {
      for (const source of linked) {
        const field = 'field' in source ? source.field : ctx.linkFields?.[source.link];
        if (field !== undefined) out.add(prefix + field);
      }
    }
    // Child connections are loaded by loaders; __typename needs nothing.
  }
}

/** Same for an explicit selection set (used by loaders/tests). */
export function soqlFieldsFromSelection(
  selection: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  sobject: SObjectName,
  schema: GraphQLSchema,
  typeName: string,
): string[] {
  const out = new Set<string>();
  walkRecord(selection, { schema, fragments, variables }, sobject, typeName, '', 0, out);
  return [...out];
}
