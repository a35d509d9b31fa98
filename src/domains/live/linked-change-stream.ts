import type { AccessFilter, SubscriberAccess } from '../../live/access-filter';
import type { LinkedChange } from '../../live/linked-changes';
import type { NormalizedChange } from '../../live/normalized-change';

const DONE = { value: undefined, done: true } as const;

/** The Account a linked change belongs to, as a record-less Account change the access filter checks. */
function accountProbe(change: LinkedChange<unknown>): NormalizedChange {
  return {
    type: 'ACCOUNT',
    changeType: 'UPDATE',
    recordIds: [change.accountId],
    changedFields: [],
    commitTimestamp: change.receivedAt,
    commitUserId: null,
    replayId: `${change.service}:${change.eventId}`,
    entityName: 'Account',
  };
}

export interface LinkedChangeStreamOptions<R> {
  source: AsyncIterator<LinkedChange<R>>;
  /** The subscription's `accountId` (18 characters); null: every Account the viewer sees. */
  accountId: string | null;
  access: SubscriberAccess;
  accessFilter: AccessFilter;
}

/**
 * One subscriber's view of a linked service's changes: its `accountId` filter, then the same
 * per-subscriber rule as CDC, through the same access filter (batched and briefly cached per
 * viewer): only changes of Accounts the subscriber can see in Salesforce. A check that fails
 * drops the change (fail closed): a linked record has no record-less form to signal with.
 * Hand-written, not a generator: graphql-ws calls `return()` while `next()` waits.
 */
export class LinkedChangeStream<R> implements AsyncIterableIterator<LinkedChange<R>> {
  private ended = false;

  constructor(private readonly options: LinkedChangeStreamOptions<R>) {}

  async next(): Promise<IteratorResult<LinkedChange<R>>> {
    while (!this.ended) {
      let result: IteratorResult<LinkedChange<R>>;
      try {
        result = await this.options.source.next();
      } catch (error) {
        this.ended = true;
        throw error;
      }
      if (result.done) break;
      const change = result.value;
      if (this.options.accountId !== null && change.accountId !== this.options.accountId) continue;
      if ((await this.visible(change)) && !this.ended) return { value: change, done: false };
    }
    this.ended = true;
    return DONE;
  }

  async return(): Promise<IteratorResult<LinkedChange<R>>> {
    this.ended = true;
    await this.options.source.return?.();
    return DONE;
  }

  async throw(error: unknown): Promise<IteratorResult<LinkedChange<R>>> {
    await this.return();
    throw error;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private async visible(change: LinkedChange<R>): Promise<boolean> {
    const decision = await this.options.accessFilter.decide(
      accountProbe(change),
      this.options.access,
    );
    return decision.deliver && decision.change?.recordIds.length === 1;
  }
}
