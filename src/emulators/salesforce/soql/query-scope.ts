import type { ObjectDef, OrgData, QueryContext, SObjectRecord } from '../model/types';
import type { SoqlErrors } from './soql-errors';

/** Everything one statement's compilation and run need. */
export interface QueryScope {
  data: OrgData;
  ctx: QueryContext;
  errors: SoqlErrors;
}

/** Rows of `objectName` the running user may see: shared to them, and not deleted unless queryAll. */
export function* visibleRows(scope: QueryScope, objectDef: ObjectDef): Iterable<SObjectRecord> {
  const { data, ctx } = scope;
  for (const row of data.rows(objectDef.name)) {
    if (row.IsDeleted === true && !ctx.includeDeleted) continue;
    if (!data.canSee(ctx.user, objectDef.name, row)) continue;
    yield row;
  }
}

export function recordUrl(scope: QueryScope, objectName: string, id: string): string {
  return `/services/data/v${scope.ctx.apiVersion}/sobjects/${objectName}/${id}`;
}
