import { AccessFilter, type SubscriberAccess } from './access-filter';
import type { NormalizedChange, SObjectTypeName } from './normalized-change';

function change(overrides: Partial<NormalizedChange> = {}): NormalizedChange {
  return {
    type: 'OPPORTUNITY',
    changeType: 'UPDATE',
    recordIds: ['006A'],
    changedFields: ['stageName', 'amount'],
    commitTimestamp: '2024-01-01T00:00:00.000Z',
    commitUserId: '005X',
    replayId: '1',
    entityName: 'Opportunity',
    accountIds: ['001A'],
    values: { StageName: 'Closed Won', Amount: 10, AccountId: '001A' },
    ...overrides,
  };
}

interface FakeViewer extends SubscriberAccess {
  calls: Array<{ type: SObjectTypeName; ids: readonly string[]; includeDeleted: boolean }>;
}

function viewer(
  viewerKey: string,
  visible: string[],
  readable: ReadonlySet<string> | 'ALL' = 'ALL',
): FakeViewer {
  const calls: FakeViewer['calls'] = [];
  return {
    viewerKey,
    calls,
    canSee: async (type, ids, { includeDeleted }) => {
      calls.push({ type, ids: [...ids], includeDeleted });
      return new Set(ids.filter((id) => visible.includes(id)));
    },
    readableFields: () => readable,
  };
}

describe('AccessFilter', () => {
  it('delivers to a viewer who can see the record and withholds it from one who cannot', async () => {
    const filter = new AccessFilter();
    const owner = viewer('005OWNER', ['006A']);
    const stranger = viewer('005OTHER', []);
    const decisions = await filter.decideAll(change(), [
      ['s1', owner],
      ['s2', stranger],
    ] as const);
    expect(decisions.get('s1')).toMatchObject({ deliver: true, change: { recordIds: ['006A'] } });
    expect(decisions.get('s2')).toEqual({ deliver: false, change: null });
  });

  it('asks once per viewer, however many of its subscriptions are checked', async () => {
    const filter = new AccessFilter();
    const shared = viewer('005OWNER', ['006A']);
    const other = viewer('005OTHER', ['006A']);
    const subscribers: Array<[number, SubscriberAccess]> = [];
    for (let i = 0; i < 500; i += 1) subscribers.push([i, i % 2 === 0 ? shared : other]);
    const decisions = await filter.decideAll(change(), subscribers);
    expect([...decisions.values()].every((d) => d.deliver)).toBe(true);
    expect(shared.calls).toHaveLength(1);
    expect(other.calls).toHaveLength(1);
    expect(filter.queryCount).toBe(2);
  });

  it('merges checks made separately in the same tick into one query with every id', async () => {
    const filter = new AccessFilter();
    const v = viewer('005V', ['006A', '006C']);
    const [first, second] = await Promise.all([
      filter.decide(change({ recordIds: ['006A', '006B'] }), v),
      filter.decide(change({ recordIds: ['006C'], replayId: '2' }), v),
    ]);
    expect(v.calls).toEqual([
      { type: 'OPPORTUNITY', ids: ['006A', '006B', '006C'], includeDeleted: false },
    ]);
    // Only the visible Ids of a multi-record event reach the subscriber.
    expect(first.change?.recordIds).toEqual(['006A']);
    expect(second.change?.recordIds).toEqual(['006C']);
  });

  it('reuses an answer within the TTL and asks again after it', async () => {
    let now = 1_000;
    const filter = new AccessFilter({ ttlMs: 2_000, now: () => now });
    const v = viewer('005V', ['006A']);
    await filter.decide(change(), v);
    now += 1_500;
    await filter.decide(change({ replayId: '2' }), v);
    expect(v.calls).toHaveLength(1);
    now += 1_000;
    await filter.decide(change({ replayId: '3' }), v);
    expect(v.calls).toHaveLength(2);
  });

  it('re-checks at once when the owner changed', async () => {
    const filter = new AccessFilter();
    const visible = ['006A'];
    const v = viewer('005V', visible);
    expect((await filter.decide(change(), v)).deliver).toBe(true);
    visible.length = 0;
    const decision = await filter.decide(change({ changedFields: ['owner'], replayId: '2' }), v);
    expect(decision.deliver).toBe(false);
    expect(v.calls).toHaveLength(2);
  });

  it('checks deletes against deleted rows too', async () => {
    const filter = new AccessFilter();
    const v = viewer('005V', ['006A']);
    const decision = await filter.decide(change({ changeType: 'DELETE', changedFields: [] }), v);
    expect(decision.deliver).toBe(true);
    expect(v.calls[0]?.includeDeleted).toBe(true);
  });

  it('sends only the fields the viewer may read', async () => {
    // Values keep the upstream's field names; the source says which contract field each is.
    const filter = new AccessFilter({
      valueFieldNames: (key) => [key.charAt(0).toLowerCase() + key.slice(1)],
    });
    const v = viewer('005V', ['006A'], new Set(['stageName']));
    const decision = await filter.decide(change(), v);
    expect(decision.change?.changedFields).toEqual(['stageName']);
    expect(decision.change?.values).toEqual({ StageName: 'Closed Won' });
    // The account link is a field too.
    expect(decision.change?.accountIds).toBeUndefined();
  });

  it('answers a failed access check with a record-less GAP, and does not cache the failure', async () => {
    const errors: unknown[] = [];
    const filter = new AccessFilter({ onError: (e) => errors.push(e) });
    let fail = true;
    const v: SubscriberAccess = {
      viewerKey: '005V',
      canSee: async (_type, ids) => {
        if (fail) throw new Error('INVALID_SESSION_ID');
        return new Set(ids);
      },
      readableFields: () => 'ALL',
    };
    const failed = await filter.decide(change(), v);
    // Nothing of the record leaks, but the subscriber learns to refetch.
    expect(failed.deliver).toBe(true);
    expect(failed.change).toMatchObject({ changeType: 'GAP', recordIds: [], changedFields: [] });
    expect(failed.change?.values).toBeUndefined();
    expect(failed.change?.accountIds).toBeUndefined();
    expect(errors).toHaveLength(1);
    fail = false;
    expect((await filter.decide(change({ replayId: '2' }), v)).deliver).toBe(true);
  });

  it('delivers a record-less overflow GAP without querying', async () => {
    const filter = new AccessFilter();
    const v = viewer('005V', []);
    const decision = await filter.decide(
      change({ changeType: 'GAP', gapKind: 'GAP_OVERFLOW', recordIds: [], changedFields: [] }),
      v,
    );
    expect(decision.deliver).toBe(true);
    expect(v.calls).toHaveLength(0);
  });

  it('keeps its cache bounded', async () => {
    const filter = new AccessFilter({ maxEntries: 10 });
    const v = viewer('005V', []);
    const ids = Array.from({ length: 50 }, (_, i) => `006${i}`);
    await filter.decide(change({ recordIds: ids }), v);
    await filter.decide(change({ recordIds: ['0060'], replayId: '2' }), v);
    // The oldest answers were evicted, so the first Id is asked again.
    expect(v.calls).toHaveLength(2);
    await filter.decide(change({ recordIds: ['00649'], replayId: '3' }), v);
    expect(v.calls).toHaveLength(2);
  });
});
