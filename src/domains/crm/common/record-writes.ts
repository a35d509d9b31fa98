import type { GraphQLResolveInfo } from 'graphql';
import type { SObjectName } from '../../../upstreams/salesforce/soql';
import {
  createOne,
  destroyOne,
  readRecordFresh,
  updateOne,
} from '../../../upstreams/salesforce/operations';
import { SalesforceUpstreamError, type SaveResult } from '../../../upstreams/salesforce/client';
import { NotFoundError } from '../../../errors';
import type { GatewayContext } from '../../../context/gateway-context';
import { withGraphQLErrors } from './graphql-errors';
import { parseIdArgument } from './ids';
import { KEY_PREFIXES } from './key-prefixes';
import { toNode, type NodeOf } from './node-types';
import { selectedFields } from './selected-fields';

/** Salesforce names a missing target record in several ways depending on the endpoint. */
const MISSING_RECORD_CODES = new Set([
  'NOT_FOUND',
  'ENTITY_IS_DELETED',
  'INVALID_CROSS_REFERENCE_KEY',
  'INVALID_ID_FIELD',
]);

function checkSaved(
  result: SaveResult | undefined,
  object: SObjectName,
  targetId?: string,
): string {
  if (result?.success) {
    const id = result.id ?? targetId;
    if (id) return id;
  }
  const errors = result?.errors ?? [];
  const cause =
    errors.find((e) => e.statusCode !== 'ALL_OR_NONE_OPERATION_ROLLED_BACK') ?? errors[0];
  if (
    targetId &&
    cause &&
    MISSING_RECORD_CODES.has(cause.statusCode) &&
    cause.fields.length === 0
  ) {
    throw new NotFoundError(`${object} ${targetId} does not exist or is not visible`, {
      id: targetId,
    });
  }
  throw SalesforceUpstreamError.fromSaveErrors(errors, `${object} was not saved`);
}

/** An `id` argument of a write on `object`: malformed is BAD_USER_INPUT, another object's Id NOT_FOUND. */
function targetId(object: SObjectName, id: string): string {
  const normalized = parseIdArgument(id, 'id');
  if (!normalized.startsWith(KEY_PREFIXES[object])) {
    const article = /^[AEIOU]/.test(object) ? 'an' : 'a';
    throw new NotFoundError(`${id} is not the Id of ${article} ${object}`, { id });
  }
  return normalized;
}

/** The saved record with the selected fields, read past every cache (writes must show their own result). */
export async function readFresh<S extends SObjectName>(
  ctx: GatewayContext,
  info: GraphQLResolveInfo,
  object: S,
  id: string,
): Promise<NodeOf<S>> {
  const record = await readRecordFresh(
    ctx.salesforce,
    object,
    selectedFields(info, object, false, ctx.linkFields),
    id,
  );
  if (!record) throw new NotFoundError(`${object} ${id} does not exist or is not visible`, { id });
  return toNode(object, record);
}

export function createRecord<S extends SObjectName>(
  ctx: GatewayContext,
  info: GraphQLResolveInfo,
  object: S,
  payload: Record<string, unknown>,
): Promise<NodeOf<S>> {
  return withGraphQLErrors(async () => {
    const result = await createOne(ctx.salesforce, object, payload);
    return readFresh(ctx, info, object, checkSaved(result, object));
  }, object);
}

export function updateRecord<S extends SObjectName>(
  ctx: GatewayContext,
  info: GraphQLResolveInfo,
  object: S,
  id: string,
  buildPayload: () => Record<string, unknown>,
): Promise<NodeOf<S>> {
  return withGraphQLErrors(async () => {
    const Id = targetId(object, id);
    const result = await updateOne(ctx.salesforce, object, { ...buildPayload(), Id });
    checkSaved(result, object, Id);
    return readFresh(ctx, info, object, Id);
  }, object);
}

export function deleteRecord(
  ctx: GatewayContext,
  object: SObjectName,
  id: string,
): Promise<string> {
  return withGraphQLErrors(async () => {
    const Id = targetId(object, id);
    const result = await destroyOne(ctx.salesforce, object, Id);
    checkSaved(result, object, Id);
    return Id;
  }, object);
}
