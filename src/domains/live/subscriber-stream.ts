import { refetchSignal, type AccessFilter, type SubscriberAccess } from '../../live/access-filter';
import {
  SOBJECT_TYPES,
  type NormalizedChange,
  type SObjectTypeName,
} from '../../live/normalized-change';
import { ChangeType } from './change-type.enum';
import { compileChangeFilter, type ChangeFilter } from './change-filter';
import { idKey } from '../../upstreams/salesforce/soql';
import { RecordChange } from './record-change.type';
import { SObjectType } from './sobject-type.enum';

/** `AccountId` of records, as the subscriber reads them; absent Ids have no visible account. */
export type AccountIdLookup = (
  change: NormalizedChange,
) => Promise<ReadonlyMap<string, string | null>>;

export interface SubscriberStreamOptions {
  source: AsyncIterator<NormalizedChange>;
  filter: ChangeFilter;
  access: SubscriberAccess;
  accessFilter: AccessFilter;
  lookupAccountIds: AccountIdLookup;
  onError?: (error: unknown) => void;
}

const DONE: IteratorResult<RecordChange> = { value: undefined, done: true };

/** GAP_OVERFLOW names the all-zero Id `000000000000000AAA`: no record anyone could see. */
const PLACEHOLDER_ID = /^0{15}/;

function withoutPlaceholderIds(change: NormalizedChange): NormalizedChange {
  if (!change.recordIds.some((id) => PLACEHOLDER_ID.test(id))) return change;
  return { ...change, recordIds: change.recordIds.filter((id) => !PLACEHOLDER_ID.test(id)) };
}

export function toRecordChange(change: NormalizedChange): RecordChange {
  return Object.assign(new RecordChange(), {
    type: SObjectType[change.type],
    changeType: ChangeType[change.changeType],
    recordIds: change.recordIds,
    changedFields: change.changedFields,
    commitTimestamp: new Date(change.commitTimestamp),
    commitUserId: change.commitUserId,
    replayId: change.replayId,
  });
}

/**
 * One GraphQL subscriber's view of the change stream: the subscription's filters, then the
 * access check as the subscriber (CDC ignores sharing), then only what survived. A failover's
 * replay never gets here: each instance drops it once, before fan-out (`change-admission`).
 * A slow consumer's overflow is handled by the `SlowConsumerGuard` its source comes through.
 * A hand-written iterator, not an async generator: graphql-ws calls `return()` while
 * `next()` still waits, and a generator would only see it after the next event.
 */
export class SubscriberStream implements AsyncIterableIterator<RecordChange> {
  private readonly matcher;
  private ended = false;

  constructor(private readonly options: SubscriberStreamOptions) {
    this.matcher = compileChangeFilter(options.filter);
  }

  async next(): Promise<IteratorResult<RecordChange>> {
    while (!this.ended) {
      let result: IteratorResult<NormalizedChange>;
      try {
        result = await this.options.source.next();
      } catch (error) {
        this.ended = true;
        throw error;
      }
      if (result.done) break;
      const delivered = await this.admit(result.value);
      if (delivered && !this.ended) return { value: toRecordChange(delivered), done: false };
    }
    this.ended = true;
    return DONE;
  }

  async return(): Promise<IteratorResult<RecordChange>> {
    this.ended = true;
    await this.options.source.return?.();
    return DONE;
  }

  async throw(error: unknown): Promise<IteratorResult<RecordChange>> {
    await this.return();
    throw error;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** The change as this subscriber gets it, or undefined when it is not for them. */
  private async admit(published: NormalizedChange): Promise<NormalizedChange | undefined> {
    const change = withoutPlaceholderIds(published);
    if (!this.matcher.matches(change)) return undefined;
    let candidate = change;
    try {
      if (this.matcher.needsAccountIds(change)) {
        candidate = await this.withAccountIds(change);
        if (!this.matcher.matches(candidate)) return undefined;
      }
    } catch (error) {
      // Without the account nobody can tell whether the filter matches: never the change,
      // but a refetch signal rather than silence.
      this.options.onError?.(error);
      const signal = refetchSignal(change);
      return this.matcher.matches(signal) ? signal : undefined;
    }
    const decision = await this.options.accessFilter.decide(candidate, this.options.access);
    if (!decision.deliver || !decision.change) return undefined;
    // Access can narrow a multi-record change to Ids the filter does not want.
    if (!this.matcher.matches(decision.change)) return undefined;
    return decision.change;
  }

  private async withAccountIds(change: NormalizedChange): Promise<NormalizedChange> {
    const accounts = await this.options.lookupAccountIds(change);
    const accountIds = new Set<string>();
    for (const id of change.recordIds) {
      const accountId = accounts.get(idKey(id));
      if (accountId) accountIds.add(accountId);
    }
    return { ...change, accountIds: [...accountIds] };
  }
}

/** The topics a subscription reads: one per type, so `leadChanged` never sees Account traffic. */
export function typesOrAll(
  types: readonly SObjectTypeName[] | null | undefined,
): SObjectTypeName[] {
  return types && types.length > 0 ? [...new Set(types)] : [...SOBJECT_TYPES];
}
