import {
  getArgumentValues,
  getNamedType,
  isObjectType,
  type FieldNode,
  type GraphQLField,
  type GraphQLResolveInfo,
} from 'graphql';
import {
  OBJECT_MAPPINGS,
  type SalesforceRecord,
  type SObjectName,
} from '../../../upstreams/salesforce/soql';
import type { GatewayContext } from '../../../context/gateway-context';
import { isRecord } from '../../../lib/is-record';
import { collectFields, type SelectionContext } from '../../shared/selection/collect-fields';
import { isFieldSelected } from '../../shared/selection';
import { pageSize, type ConnectionArguments } from './connection-args';
import { toFilterInput, toOrderByInput } from './filter-input';
import { hasPaths } from './resolve-parent';
import { selectedFields } from './selected-fields';

/** One field as graphql-js resolves it: its response key's nodes and its definition. */
interface FieldGroup {
  nodes: FieldNode[];
  def: GraphQLField<unknown, unknown>;
  typeName: string;
}

/** graphql-js's grouping: every selected node of one response key, in document order. */
function groupFields(
  nodes: readonly FieldNode[],
  ctx: SelectionContext,
  typeName: string,
): FieldGroup[] {
  const type = ctx.schema.getType(typeName);
  if (!type || !isObjectType(type)) return [];
  const defs = type.getFields();
  const byKey = new Map<string, FieldGroup>();
  for (const parent of nodes) {
    for (const node of collectFields(parent.selectionSet, ctx, typeName)) {
      const def = defs[node.name.value];
      if (!def) continue;
      const key = node.alias?.value ?? node.name.value;
      const group = byKey.get(key);
      if (group) group.nodes.push(node);
      else byKey.set(key, { nodes: [node], def, typeName: getNamedType(def.type).name });
    }
  }
  return [...byKey.values()];
}

/** The resolve info graphql-js would hand the field `group` (what the selection helpers read). */
function infoFor(info: GraphQLResolveInfo, group: FieldGroup): GraphQLResolveInfo {
  return {
    ...info,
    fieldName: group.def.name,
    fieldNodes: group.nodes,
    returnType: group.def.type,
  };
}

/**
 * The first pages of `group` (a child connection of `parent`) for `parentIds`: the loads
 * `resolveChildren` makes, with the same specs, so its own loads later find them cached.
 */
function loadChildPages(
  ctx: GatewayContext,
  info: GraphQLResolveInfo,
  parent: SObjectName,
  group: FieldGroup,
  parentIds: readonly string[],
): boolean {
  const relation = OBJECT_MAPPINGS[parent].children[group.def.name];
  const [first] = group.nodes;
  if (!relation || !first || parentIds.length === 0) return false;
  const args = getArgumentValues(group.def, first, info.variableValues) as ConnectionArguments;
  // A page after a cursor is its own scoped query per parent, not a batch: left to the resolver.
  if (args.after) return false;
  const child = relation.target as SObjectName;
  const childInfo = infoFor(info, group);
  const where = toFilterInput(child, args.where);
  const loaders = ctx.loaders.salesforce;
  const pages = loaders.childConnections({
    parent,
    relationship: relation.relationship,
    child,
    fields: selectedFields(childInfo, child, true, ctx.linkFields),
    where,
    orderBy: toOrderByInput(args.orderBy),
    first: pageSize(args),
  });
  const counts = isFieldSelected(childInfo, ['totalCount'])
    ? loaders.groupedCount({ object: child, groupField: relation.field, where })
    : undefined;
  for (const id of parentIds) {
    // The resolver awaits the same cached promises and reports their errors.
    pages.load(id).catch(() => undefined);
    counts?.load(id).catch(() => undefined);
  }
  return true;
}

/** The node-level selections of a connection field: `nodes { … }` and `edges { node { … } }`. */
function nodeSelections(
  info: GraphQLResolveInfo,
  ctx: SelectionContext,
): { nodes: FieldNode[]; typeName: string } | undefined {
  const connectionType = getNamedType(info.returnType).name;
  const out: FieldNode[] = [];
  let typeName: string | undefined;
  const connectionFields = groupFields(info.fieldNodes, ctx, connectionType);
  for (const group of connectionFields) {
    if (group.def.name === 'nodes') {
      out.push(...group.nodes);
      typeName = group.typeName;
    } else if (group.def.name === 'edges') {
      for (const edge of groupFields(group.nodes, ctx, group.typeName)) {
        if (edge.def.name !== 'node') continue;
        out.push(...edge.nodes);
        typeName = edge.typeName;
      }
    }
  }
  return typeName === undefined ? undefined : { nodes: out, typeName };
}

/**
 * Starts the child-connection loads a page's rows will make, as soon as the page arrives:
 * `account.contacts` under 200 opportunities (through the parent path the page carried) or
 * `contacts` under 50 accounts. graphql-js would make the same loads only after walking every
 * row, and that walk is on the critical path between the page and the child query; started
 * here, the walk overlaps the child query instead. Only loads the resolvers are certain to
 * make are started (embedded parents that answer the selection, first pages, no cursor), with
 * the same specs, so DataLoader hands the resolvers these very promises: no call is added.
 */
export async function prefetchChildPages(
  ctx: GatewayContext,
  info: GraphQLResolveInfo,
  object: SObjectName,
  rows: readonly SalesforceRecord[],
): Promise<void> {
  let started = false;
  try {
    started = startChildLoads(ctx, info, object, rows);
  } catch {
    // Only a head start: the resolvers make (and report) the same loads themselves.
  }
  // DataLoader dispatches on a later tick, and the call then takes several promise hops to
  // reach the socket; graphql-js's walk of the rows, one long microtask, would run first.
  // Yielding once to the event loop lets the batch leave before the walk begins.
  if (started) await new Promise<void>((resolve) => setImmediate(resolve));
}

function startChildLoads(
  ctx: GatewayContext,
  info: GraphQLResolveInfo,
  object: SObjectName,
  rows: readonly SalesforceRecord[],
): boolean {
  const selection: SelectionContext = {
    schema: info.schema,
    fragments: info.fragments,
    variables: info.variableValues,
  };
  const nodes = nodeSelections(info, selection);
  if (!nodes || rows.length === 0) return false;
  let started = false;
  const mapping = OBJECT_MAPPINGS[object];
  for (const group of groupFields(nodes.nodes, selection, nodes.typeName)) {
    if (mapping.children[group.def.name]) {
      started =
        loadChildPages(
          ctx,
          info,
          object,
          group,
          rows.map((row) => row.Id),
        ) || started;
      continue;
    }
    const relation = mapping.parents[group.def.name];
    if (!relation) continue;
    const target = relation.target as SObjectName;
    const children = groupFields(group.nodes, selection, group.typeName).filter(
      (child) => OBJECT_MAPPINGS[target].children[child.def.name] !== undefined,
    );
    if (children.length === 0) continue;
    // The parents resolveParent answers from the page's own row, as it will.
    const fields = selectedFields(infoFor(info, group), target, false, ctx.linkFields);
    const parentIds: string[] = [];
    for (const row of rows) {
      const embedded = row[relation.relationship];
      if (!isRecord(embedded)) continue;
      const id = embedded.Id ?? row[relation.idField];
      if (typeof id !== 'string' || !hasPaths({ ...embedded, Id: id }, fields)) continue;
      parentIds.push(id);
    }
    for (const child of children) {
      started = loadChildPages(ctx, info, target, child, parentIds) || started;
    }
  }
  return started;
}
