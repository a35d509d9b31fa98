import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import type { SObjectName } from '../../../upstreams/salesforce/soql';
import type { LinkFieldNames } from '../../../config';
import { selectSoqlFields } from '../../shared/selection';

/**
 * graphql-js reuses one `fieldNodes` array for a field across all items of a list, so the
 * selection of `opportunity.account` is computed once per page, not once per row.
 */
const cache = new WeakMap<ReadonlyArray<FieldNode>, Map<string, string[]>>();

export function selectedFields(
  info: GraphQLResolveInfo,
  sobject: SObjectName,
  connection = false,
  linkFields?: LinkFieldNames,
): string[] {
  let bySobject = cache.get(info.fieldNodes);
  if (!bySobject) {
    bySobject = new Map();
    cache.set(info.fieldNodes, bySobject);
  }
  const key = `${sobject}:${connection}`;
  const known = bySobject.get(key);
  if (known) return known;
  const fields = selectSoqlFields(info, sobject, {
    connection,
    ...(linkFields ? { linkFields } : {}),
  });
  bySobject.set(key, fields);
  return fields;
}
