import { SalesforceError } from '../../model/errors';
import { to18 } from '../../model/ids';
import type { ObjectDef, SObjectRecord } from '../../model/types';
import { notFound, type ApiCall } from './api-route';

/**
 * The record behind an Id in a URL, as the caller may see it: wrong object, invisible under
 * sharing, or unknown are all 404 NOT_FOUND (Salesforce does not reveal hidden rows); a row in
 * the recycle bin is ENTITY_IS_DELETED.
 */
export function findVisibleRecord(call: ApiCall, def: ObjectDef, id: string): SObjectRecord {
  const record = lookupRecord(call, def, id);
  if (!record) {
    if (to18(id) === undefined) {
      throw new SalesforceError(
        404,
        'NOT_FOUND',
        `Provided external ID field does not exist or is not accessible: ${id}`,
      );
    }
    throw notFound();
  }
  if (record['IsDeleted'] === true)
    throw new SalesforceError(404, 'ENTITY_IS_DELETED', 'entity is deleted');
  return record;
}

/** The visible, live-or-deleted record of this object with this Id; undefined otherwise. */
export function lookupRecord(call: ApiCall, def: ObjectDef, id: string): SObjectRecord | undefined {
  if (to18(id) === undefined) return undefined;
  const { store } = call.ctx;
  const objectName = store.objectNameOf(id);
  if (!objectName || objectName.toLowerCase() !== def.name.toLowerCase()) return undefined;
  const record = store.byId(id);
  if (!record || !store.canSee(call.user, def.name, record)) return undefined;
  return record;
}

/**
 * The target of an update or delete. Unlike a read, a row that exists but is hidden by sharing
 * is not a 404: the store refuses the write with INSUFFICIENT_ACCESS_OR_READONLY, as Salesforce
 * does ("insufficient access rights on object id").
 */
export function assertWritableTarget(call: ApiCall, def: ObjectDef, id: string): void {
  const { store } = call.ctx;
  const objectName = to18(id) === undefined ? undefined : store.objectNameOf(id);
  const existing =
    objectName?.toLowerCase() === def.name.toLowerCase() ? store.byId(id) : undefined;
  if (existing && !store.canSee(call.user, def.name, existing)) return;
  findVisibleRecord(call, def, id);
}
