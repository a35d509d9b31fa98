import type { GraphQLResolveInfo } from 'graphql';
import type { SObjectName } from '../../../upstreams/salesforce/soql';
import type { GatewayContext } from '../../../context/gateway-context';
import { withGraphQLErrors } from './graphql-errors';
import { parseIdArgument } from './ids';
import { KEY_PREFIXES, objectForId } from './key-prefixes';
import { toNode, type NodeOf } from './node-types';
import { selectedFields } from './selected-fields';

/** A record by a validated Id through the per-request loader; null when absent, invisible or of another object. */
export function loadNode<S extends SObjectName>(
  ctx: GatewayContext,
  info: GraphQLResolveInfo,
  object: S,
  id: string,
): Promise<NodeOf<S> | null> {
  return withGraphQLErrors(async () => {
    if (!id.startsWith(KEY_PREFIXES[object])) return null;
    const record = await ctx.loaders.salesforce
      .recordById(object, selectedFields(info, object, false, ctx.linkFields))
      .load(id);
    return record ? toNode(object, record) : null;
  });
}

/** `account(id)`, `contact(id)`, ...: malformed ids are BAD_USER_INPUT, 15-character ones are accepted. */
export function resolveById<S extends SObjectName>(
  ctx: GatewayContext,
  info: GraphQLResolveInfo,
  object: S,
  id: string,
): Promise<NodeOf<S> | null> {
  return loadNode(ctx, info, object, parseIdArgument(id, 'id'));
}

/** `node(id)`: the object is named by the Id's key prefix. */
export function resolveAnyNode(
  ctx: GatewayContext,
  info: GraphQLResolveInfo,
  id: string,
): Promise<NodeOf<SObjectName> | null> {
  const normalized = parseIdArgument(id, 'id');
  const object = objectForId(normalized);
  return object === null ? Promise.resolve(null) : loadNode(ctx, info, object, normalized);
}
