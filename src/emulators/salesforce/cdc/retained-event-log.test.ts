import type { StoredEvent } from './cdc-types';
import { REPLAY_ALL, REPLAY_NEW, RetainedEventLog } from './retained-event-log';

const HOUR = 3_600_000;

function setup(retentionHours = 72) {
  let now = 1_000 * HOUR;
  const log = new RetainedEventLog({ clock: () => new Date(now), retentionHours, seed: 7 });
  const add = (entityName: string): StoredEvent => {
    const replayId = log.nextReplayId();
    const event: StoredEvent = {
      replayId,
      entityName,
      storedAt: now,
      data: {
        schema: 's',
        payload: {} as StoredEvent['data']['payload'],
        event: { replayId },
      },
    };
    log.append(event);
    return event;
  };
  return { log, add, advance: (ms: number) => (now += ms) };
}

describe('RetainedEventLog', () => {
  it('hands out increasing, gapped replay ids, the same for the same seed', () => {
    const a = setup().log;
    const b = setup().log;
    const ids = Array.from({ length: 50 }, () => a.nextReplayId());
    expect(Array.from({ length: 50 }, () => b.nextReplayId())).toEqual(ids);
    const steps = ids.slice(1).map((id, i) => id - ids[i]);
    expect(steps.every((s) => s >= 1 && s <= 5)).toBe(true);
    expect(new Set(steps).size).toBeGreaterThan(1);
  });

  it('replays -1 as nothing, -2 as everything, N as what follows N (per entity if asked)', () => {
    const { log, add } = setup();
    const [a, b, c] = [add('Account'), add('Contact'), add('Account')];
    expect(log.replay(REPLAY_NEW)).toEqual([]);
    expect(log.replay(REPLAY_ALL)).toEqual([a, b, c]);
    expect(log.replay(a.replayId)).toEqual([b, c]);
    expect(log.replay(a.replayId, 'Account')).toEqual([c]);
    expect(log.replay(c.replayId)).toEqual([]);
  });

  it('rejects replay ids it never issued or no longer retains', () => {
    const { log, add, advance } = setup(1);
    const old = add('Account');
    expect(log.isReplayable(old.replayId + 1000)).toBe(false);
    expect(log.replay(old.replayId + 1000)).toBeUndefined();
    advance(HOUR + 1);
    const fresh = add('Account');
    expect(log.all()).toEqual([fresh]);
    expect(log.isReplayable(old.replayId)).toBe(false);
    expect(log.isReplayable(fresh.replayId)).toBe(true);
  });

  it('refuses a non-positive retention', () => {
    expect(() => setup(0)).toThrow(/retentionHours/);
  });
});
