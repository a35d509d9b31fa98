import type { ChangeTypeName, NormalizedChange } from '../../live/normalized-change';
import { idKey } from '../../upstreams/salesforce/soql';

/** A subscription field's arguments, as one predicate over changes. */
export interface ChangeFilter {
  ids?: readonly string[] | null;
  accountIds?: readonly string[] | null;
  changeTypes?: readonly ChangeTypeName[] | null;
}

function idSet(ids: readonly string[] | null | undefined): ReadonlySet<string> | undefined {
  return ids && ids.length > 0 ? new Set(ids.map(idKey)) : undefined;
}

function intersects(ids: readonly string[] | undefined, wanted: ReadonlySet<string>): boolean {
  return (ids ?? []).some((id) => wanted.has(idKey(id)));
}

/**
 * An overflow GAP names no records: nobody can tell whether it touched theirs, so it reaches
 * every subscriber of the type (that accepts GAP) as a "refetch" signal.
 */
function isAnonymousGap(change: NormalizedChange): boolean {
  return change.changeType === 'GAP' && change.recordIds.length === 0;
}

export interface CompiledChangeFilter {
  /** True when the change can match before its account is known. */
  matches(change: NormalizedChange): boolean;
  /** The filter needs `accountIds` the change event did not carry (an update not touching it). */
  needsAccountIds(change: NormalizedChange): boolean;
}

/** Empty lists and nulls mean "any", as in the contract's other filters. */
export function compileChangeFilter(filter: ChangeFilter): CompiledChangeFilter {
  const ids = idSet(filter.ids);
  const accountIds = idSet(filter.accountIds);
  const changeTypes =
    filter.changeTypes && filter.changeTypes.length > 0 ? new Set(filter.changeTypes) : undefined;
  return {
    matches(change) {
      if (changeTypes && !changeTypes.has(change.changeType)) return false;
      if (isAnonymousGap(change)) return true;
      if (ids && !intersects(change.recordIds, ids)) return false;
      if (accountIds && change.accountIds && !intersects(change.accountIds, accountIds))
        return false;
      return true;
    },
    needsAccountIds(change) {
      return accountIds !== undefined && change.accountIds === undefined && !isAnonymousGap(change);
    },
  };
}
