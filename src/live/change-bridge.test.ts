import { Keyv } from 'keyv';
import {
  type RawChangeEvent,
  type RawChangeEventHandler,
  type RawChangeEventSource,
} from '../upstreams/salesforce/cdc/change-event-message';
import type { RereadRecord, RereadRecords } from '../upstreams/salesforce/cdc/reread';
import { SalesforceChangeSource } from '../upstreams/salesforce/cdc/salesforce-change-source';
import { CdcBridge, type CdcBridgeOptions } from './change-bridge';
import type { ChangeSubscription, ReplayFrom } from './change-source';
import type { LeaderLock, LeadershipListener } from './leader-lock';
import { MemoryPubSub } from './pubsub/memory-pubsub';
import type { NormalizedChange } from './normalized-change';
import { KeyvReplayStore } from './replay-store';
import { recordChangedTopic } from './topics';

/** A CometD stream the test feeds by hand. */
class FakeSource implements RawChangeEventSource {
  starts: ReplayFrom[] = [];
  stops = 0;
  private handler: RawChangeEventHandler | undefined;

  start(from: ReplayFrom, onEvent: RawChangeEventHandler): ChangeSubscription {
    this.starts.push(from);
    this.handler = onEvent;
    return {
      ready: Promise.resolve(),
      stop: async () => {
        this.stops += 1;
        this.handler = undefined;
      },
    };
  }

  get active(): boolean {
    return this.handler !== undefined;
  }

  async emit(event: RawChangeEvent): Promise<void> {
    if (!this.handler) throw new Error('source not started');
    await this.handler(event);
  }
}

class ManualLock implements LeaderLock {
  private listener: LeadershipListener = () => {};
  private leader = false;
  async start(onChange: LeadershipListener): Promise<void> {
    this.listener = onChange;
  }
  set(leader: boolean): void {
    this.leader = leader;
    this.listener(leader);
  }
  isLeader(): boolean {
    return this.leader;
  }
  async stop(): Promise<void> {
    this.leader = false;
  }
}

/** The bridge as the server composes it: the Salesforce adapter over a CometD stream. */
function bridgeOver(
  raw: FakeSource,
  {
    rereadRecords,
    ...options
  }: Omit<CdcBridgeOptions, 'source'> & { rereadRecords?: RereadRecords },
): CdcBridge {
  const source = new SalesforceChangeSource(raw, rereadRecords ? { reread: rereadRecords } : {});
  return new CdcBridge({ ...options, source });
}

function event(
  replayId: string,
  overrides: Partial<RawChangeEvent['header']> = {},
  fields: Record<string, unknown> = {},
): RawChangeEvent {
  return {
    replayId,
    header: {
      entityName: 'Account',
      recordIds: ['001A'],
      changeType: 'UPDATE',
      changedFields: ['Name'],
      commitTimestamp: 1_700_000_000_000,
      commitUser: '005U',
      ...overrides,
    },
    fields,
  };
}

async function collect(
  pubsub: MemoryPubSub,
  type: NormalizedChange['type'] = 'ACCOUNT',
): Promise<NormalizedChange[]> {
  const got: NormalizedChange[] = [];
  await pubsub.subscribe(recordChangedTopic(type), (c) => void got.push(c));
  return got;
}

const flushAsync = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('CdcBridge', () => {
  it('normalizes, publishes to the type topic and persists the replayId after publishing', async () => {
    const source = new FakeSource();
    const pubsub = new MemoryPubSub();
    const keyv = new Keyv();
    const order: string[] = [];
    const store = new KeyvReplayStore(keyv);
    const save = store.save.bind(store);
    jest.spyOn(store, 'save').mockImplementation((id) => {
      order.push(`save:${id}`);
      return save(id);
    });
    await pubsub.subscribe(
      recordChangedTopic('ACCOUNT'),
      (c) => void order.push(`pub:${c.replayId}`),
    );
    const accounts = await collect(pubsub);
    const leads = await collect(pubsub, 'LEAD');
    const bridge = bridgeOver(source, { pubsub, replayStore: store });
    await bridge.start();
    expect(source.starts).toEqual([-1]);
    await source.emit(event('10', {}, { Name: 'Acme' }));
    expect(accounts).toEqual([
      expect.objectContaining({
        type: 'ACCOUNT',
        changeType: 'UPDATE',
        changedFields: ['name'],
        replayId: '10',
        values: { Name: 'Acme' },
      }),
    ]);
    expect(leads).toEqual([]);
    expect(order).toEqual(['pub:10', 'save:10']);
    expect(await keyv.get('cdc:replay-id')).toBe('10');
    await bridge.stop();
  });

  it('holds one upstream subscription however many subscribers there are', async () => {
    const source = new FakeSource();
    const pubsub = new MemoryPubSub();
    const bridge = bridgeOver(source, { pubsub, replayStore: new KeyvReplayStore(new Keyv()) });
    await bridge.start();
    const iterators = Array.from({ length: 100 }, () =>
      pubsub.asyncIterator(recordChangedTopic('ACCOUNT')),
    );
    await source.emit(event('1'));
    const firsts = await Promise.all(iterators.map((it) => it.next()));
    expect(firsts.every((r) => !r.done && r.value.replayId === '1')).toBe(true);
    expect(source.starts).toHaveLength(1);
    expect(bridge.stats().upstreamSubscriptions).toBe(1);
    await Promise.all(iterators.map((it) => it.return?.()));
    await bridge.stop();
    expect(bridge.stats().upstreamSubscriptions).toBe(0);
  });

  it('drops an event delivered twice', async () => {
    const source = new FakeSource();
    const pubsub = new MemoryPubSub();
    const got = await collect(pubsub);
    const bridge = bridgeOver(source, { pubsub, replayStore: new KeyvReplayStore(new Keyv()) });
    await bridge.start();
    await source.emit(event('1'));
    await source.emit(event('2'));
    await source.emit(event('1'));
    expect(got.map((c) => c.replayId)).toEqual(['1', '2']);
    expect(bridge.stats().duplicatesDropped).toBe(1);
    await bridge.stop();
  });

  it('resumes after a restart from the persisted replayId without duplicates', async () => {
    const keyv = new Keyv();
    const pubsub = new MemoryPubSub();
    const got = await collect(pubsub);
    const first = new FakeSource();
    const bridge1 = bridgeOver(first, {
      pubsub,
      replayStore: new KeyvReplayStore(keyv),
    });
    await bridge1.start();
    await first.emit(event('1'));
    await first.emit(event('2'));
    await bridge1.stop();
    expect(first.stops).toBe(1);

    const second = new FakeSource();
    const bridge2 = bridgeOver(second, {
      pubsub,
      replayStore: new KeyvReplayStore(keyv),
    });
    await bridge2.start();
    expect(second.starts).toEqual(['2']);
    // A source that replays the boundary event again does not produce a duplicate.
    await second.emit(event('2'));
    await second.emit(event('3'));
    expect(got.map((c) => c.replayId)).toEqual(['1', '2', '3']);
    await bridge2.stop();
  });

  it('starts from -2 when told to and nothing is stored', async () => {
    const source = new FakeSource();
    const bridge = bridgeOver(source, {
      pubsub: new MemoryPubSub(),
      replayStore: new KeyvReplayStore(new Keyv()),
      initialReplayFrom: -2,
    });
    await bridge.start();
    expect(source.starts).toEqual([-2]);
    await bridge.stop();
  });

  it('re-reads the records of a GAP event and publishes them as updates (or deletes)', async () => {
    const source = new FakeSource();
    const pubsub = new MemoryPubSub();
    const got = await collect(pubsub, 'OPPORTUNITY');
    const reread = jest.fn(async (): Promise<RereadRecord[]> => [
      {
        attributes: { type: 'Opportunity' },
        Id: '006A',
        StageName: 'Prospecting',
        AccountId: '001Z',
      },
    ]);
    const bridge = bridgeOver(source, {
      pubsub,
      replayStore: new KeyvReplayStore(new Keyv()),
      rereadRecords: reread,
    });
    await bridge.start();
    await source.emit(
      event('5', {
        entityName: 'Opportunity',
        changeType: 'GAP_UPDATE',
        recordIds: ['006A', '006B'],
        changedFields: [],
      }),
    );
    expect(reread).toHaveBeenCalledWith('OPPORTUNITY', ['006A', '006B']);
    expect(got).toEqual([
      expect.objectContaining({
        changeType: 'UPDATE',
        gapKind: 'GAP_UPDATE',
        recordIds: ['006A'],
        changedFields: ['stageName', 'account'],
        values: { Id: '006A', StageName: 'Prospecting', AccountId: '001Z' },
        accountIds: ['001Z'],
        replayId: '5',
      }),
      expect.objectContaining({ changeType: 'DELETE', recordIds: ['006B'], gapKind: 'GAP_UPDATE' }),
    ]);
    await bridge.stop();
  });

  it('publishes a GAP change when re-reading is impossible', async () => {
    const source = new FakeSource();
    const pubsub = new MemoryPubSub();
    const errors: unknown[] = [];
    const got = await collect(pubsub, 'LEAD');
    const reread = jest.fn(async (): Promise<RereadRecord[]> => {
      throw new Error('REQUEST_LIMIT_EXCEEDED');
    });
    const bridge = bridgeOver(source, {
      pubsub,
      replayStore: new KeyvReplayStore(new Keyv()),
      rereadRecords: reread,
      onError: (e) => errors.push(e),
    });
    await bridge.start();
    await source.emit(
      event('7', {
        entityName: 'Lead',
        changeType: 'GAP_OVERFLOW',
        recordIds: [],
        changedFields: [],
      }),
    );
    expect(reread).not.toHaveBeenCalled();
    await source.emit(
      event('8', {
        entityName: 'Lead',
        changeType: 'GAP_CREATE',
        recordIds: ['00QA'],
        changedFields: [],
      }),
    );
    expect(reread).toHaveBeenCalledTimes(1);
    expect(errors).toHaveLength(1);
    expect(got.map((c) => [c.changeType, c.gapKind, c.recordIds])).toEqual([
      ['GAP', 'GAP_OVERFLOW', []],
      ['GAP', 'GAP_CREATE', ['00QA']],
    ]);
    await bridge.stop();
  });

  it('says when it listens: its own confirmed subscription, or at once as a follower', async () => {
    const store = () => new KeyvReplayStore(new Keyv());
    const leader = bridgeOver(new FakeSource(), {
      pubsub: new MemoryPubSub(),
      replayStore: store(),
    });
    await leader.start();
    expect(await leader.listening()).toBe('upstream');
    await leader.stop();
    expect(await leader.listening()).toBe('stopped');

    const follower = bridgeOver(new FakeSource(), {
      pubsub: new MemoryPubSub(),
      replayStore: store(),
      leaderLock: new ManualLock(),
    });
    await follower.start();
    expect(await follower.listening()).toBe('follower');
    await follower.stop();
  });

  it('drops a GAP event delivered twice without re-reading it again', async () => {
    const source = new FakeSource();
    const pubsub = new MemoryPubSub();
    const reread = jest.fn(async (): Promise<RereadRecord[]> => []);
    const bridge = bridgeOver(source, {
      pubsub,
      replayStore: new KeyvReplayStore(new Keyv()),
      rereadRecords: reread,
    });
    await bridge.start();
    const gap = event('9', { changeType: 'GAP_UPDATE', recordIds: ['001A'], changedFields: [] });
    await source.emit(gap);
    await source.emit(gap);
    expect(reread).toHaveBeenCalledTimes(1);
    expect(bridge.stats().duplicatesDropped).toBe(1);
    await bridge.stop();
  });

  it('neither saves nor remembers an event whose publish failed, so a retry goes through', async () => {
    const source = new FakeSource();
    const pubsub = new MemoryPubSub();
    const keyv = new Keyv();
    const got = await collect(pubsub);
    const bridge = bridgeOver(source, { pubsub, replayStore: new KeyvReplayStore(keyv) });
    await bridge.start();
    const publish = jest.spyOn(pubsub, 'publish').mockRejectedValueOnce(new Error('redis down'));
    await expect(source.emit(event('3'))).rejects.toThrow('redis down');
    expect(await keyv.get('cdc:replay-id')).toBeUndefined();
    publish.mockRestore();
    await source.emit(event('3'));
    expect(got.map((c) => c.replayId)).toEqual(['3']);
    expect(await keyv.get('cdc:replay-id')).toBe('3');
    await bridge.stop();
  });

  it('skips objects it does not publish but still advances the replayId', async () => {
    const source = new FakeSource();
    const keyv = new Keyv();
    const onPublished = jest.fn();
    const bridge = bridgeOver(source, {
      pubsub: new MemoryPubSub(),
      replayStore: new KeyvReplayStore(keyv),
      onPublished,
    });
    await bridge.start();
    await source.emit(event('4', { entityName: 'User' }));
    expect(onPublished).not.toHaveBeenCalled();
    expect(await keyv.get('cdc:replay-id')).toBe('4');
    await source.emit(event('5'));
    expect(onPublished).toHaveBeenCalledWith(expect.objectContaining({ replayId: '5' }));
    await bridge.stop();
  });

  it('consumes only while leader, resuming from the stored id on each gain', async () => {
    const source = new FakeSource();
    const lock = new ManualLock();
    const keyv = new Keyv();
    const bridge = bridgeOver(source, {
      pubsub: new MemoryPubSub(),
      replayStore: new KeyvReplayStore(keyv),
      leaderLock: lock,
    });
    await bridge.start();
    expect(source.active).toBe(false);
    lock.set(true);
    await flushAsync();
    expect(source.active).toBe(true);
    await source.emit(event('11'));
    lock.set(false);
    await flushAsync();
    expect(source.active).toBe(false);
    expect(bridge.stats().upstreamSubscriptions).toBe(0);
    // Meanwhile another instance advanced the shared id.
    await keyv.set('cdc:replay-id', '15');
    lock.set(true);
    await flushAsync();
    expect(source.starts).toEqual([-1, '15']);
    await bridge.stop();
    expect(source.active).toBe(false);
  });

  it('resumes from its own last position when the store forgot it (Redis restarted empty)', async () => {
    const source = new FakeSource();
    const lock = new ManualLock();
    const keyv = new Keyv();
    const pubsub = new MemoryPubSub();
    const got = await collect(pubsub);
    const bridge = bridgeOver(source, {
      pubsub,
      replayStore: new KeyvReplayStore(keyv),
      leaderLock: lock,
    });
    await bridge.start();
    lock.set(true);
    await flushAsync();
    await source.emit(event('21'));
    lock.set(false);
    await flushAsync();
    await keyv.clear();
    lock.set(true);
    await flushAsync();
    expect(source.starts).toEqual([-1, '21']);
    // The upstream may replay the position it resumed from: published once.
    await source.emit(event('21'));
    await source.emit(event('22'));
    expect(got.map((c) => c.replayId)).toEqual(['21', '22']);
    await bridge.stop();
  });
});
