import type {
  ChangeTypeName,
  GapKind,
  NormalizedChange,
  SObjectTypeName,
} from '../../../live/change-source';
import { isRecord } from '../../../lib/is-record';
import type { RawChangeEvent } from './change-event-message';
import { ENTITY_NAMES } from './entity-names';
import { toContractFieldNames } from './field-names';

const PLAIN_CHANGE_TYPES: readonly string[] = ['CREATE', 'UPDATE', 'DELETE', 'UNDELETE'];
const GAP_KINDS: ReadonlySet<string> = new Set([
  'GAP_CREATE',
  'GAP_UPDATE',
  'GAP_DELETE',
  'GAP_UNDELETE',
  'GAP_OVERFLOW',
]);

const TYPE_BY_ENTITY = new Map<string, SObjectTypeName>(
  Object.entries(ENTITY_NAMES).map(([type, entity]) => [
    entity.toLowerCase(),
    type as SObjectTypeName,
  ]),
);

export function sobjectTypeOf(entityName: string): SObjectTypeName | undefined {
  return TYPE_BY_ENTITY.get(entityName.toLowerCase());
}

function isPlainChangeType(changeType: string): changeType is Exclude<ChangeTypeName, 'GAP'> {
  return PLAIN_CHANGE_TYPES.includes(changeType);
}

/**
 * Salesforce sends CREATE with empty `changedFields` and every field in the body; the
 * fields given a value are what a subscriber would call "changed".
 */
function createdFields(fields: Record<string, unknown>): string[] {
  const names: string[] = [];
  for (const [name, value] of Object.entries(fields)) {
    if (value === null || value === undefined) continue;
    if (isRecord(value)) {
      // Compound fields arrive nested (`Name: {FirstName, LastName}`); name their parts.
      for (const [part, partValue] of Object.entries(value)) {
        if (partValue !== null && partValue !== undefined) names.push(`${name}.${part}`);
      }
    } else {
      names.push(name);
    }
  }
  return names;
}

function isGapKind(changeType: string): changeType is GapKind {
  return GAP_KINDS.has(changeType);
}

function accountIdsOf(
  type: SObjectTypeName,
  recordIds: readonly string[],
  fields: Record<string, unknown>,
): string[] | undefined {
  if (type === 'ACCOUNT') return [...recordIds];
  const accountId = fields.AccountId;
  return typeof accountId === 'string' && accountId.length > 0 ? [accountId] : undefined;
}

/**
 * Raw CDC event → the contract's vocabulary. Undefined for objects the gateway does not
 * publish (User, custom objects) and for change types Salesforce may add later.
 */
export function normalizeChange(event: RawChangeEvent): NormalizedChange | undefined {
  const { header } = event;
  const type = sobjectTypeOf(header.entityName);
  if (!type) return undefined;
  let changeType: ChangeTypeName;
  let gapKind: GapKind | undefined;
  if (isGapKind(header.changeType)) {
    changeType = 'GAP';
    gapKind = header.changeType;
  } else if (isPlainChangeType(header.changeType)) {
    changeType = header.changeType;
  } else {
    return undefined;
  }
  const change: NormalizedChange = {
    type,
    changeType,
    recordIds: [...header.recordIds],
    changedFields: toContractFieldNames(
      changeType === 'CREATE' && header.changedFields.length === 0
        ? createdFields(event.fields)
        : header.changedFields,
    ),
    commitTimestamp: new Date(header.commitTimestamp).toISOString(),
    commitUserId: header.commitUser ?? null,
    replayId: event.replayId,
    entityName: ENTITY_NAMES[type],
  };
  if (gapKind) change.gapKind = gapKind;
  if (changeType === 'UPDATE') {
    change.upstreamChangedFields = [
      ...new Set([
        ...header.changedFields,
        ...(header.nulledFields ?? []),
        ...(header.diffFields ?? []),
      ]),
    ];
  }
  const accountIds = accountIdsOf(type, header.recordIds, event.fields);
  if (accountIds) change.accountIds = accountIds;
  if (Object.keys(event.fields).length > 0) change.values = { ...event.fields };
  return change;
}
