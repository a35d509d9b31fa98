import { createChangeAdmission } from './change-admission';
import { MemoryPubSub } from './memory-pubsub';
import { PIPELINE_CHANGED_TOPIC, RECORD_CHANGED_TOPIC_PREFIX, recordChangedTopic } from '../topics';
import type { NormalizedChange } from '../normalized-change';

const isChangeTopic = (name: string) => name.startsWith(RECORD_CHANGED_TOPIC_PREFIX);

function change(replayId: string, recordIds: string[]): NormalizedChange {
  return {
    type: 'ACCOUNT',
    changeType: 'UPDATE',
    recordIds,
    changedFields: ['name'],
    commitTimestamp: '2024-01-01T00:00:00.000Z',
    commitUserId: null,
    replayId,
    entityName: 'Account',
  };
}

describe('createChangeAdmission', () => {
  it('admits a change once, and each record of a GAP re-read under one replayId', () => {
    const admit = createChangeAdmission({ isChangeTopic });
    const topic = recordChangedTopic('ACCOUNT').name;
    expect(admit(topic, change('10', ['001A']))).toBe(true);
    expect(admit(topic, change('10', ['001A']))).toBe(false);
    expect(admit(topic, change('10', ['001B']))).toBe(true);
    expect(admit(topic, change('11', ['001A']))).toBe(true);
  });

  it('lets other topics and malformed payloads through, and forgets beyond its window', () => {
    const admit = createChangeAdmission({ isChangeTopic, windowSize: 2 });
    const topic = recordChangedTopic('LEAD').name;
    const report = { report: null, asOf: 'x' };
    expect(admit(PIPELINE_CHANGED_TOPIC.name, report)).toBe(true);
    expect(admit(PIPELINE_CHANGED_TOPIC.name, report)).toBe(true);
    expect(admit(topic, { replayId: 1 })).toBe(true);
    expect(admit(topic, { replayId: 1 })).toBe(true);
    for (const id of ['1', '2', '3']) expect(admit(topic, change(id, ['00Q']))).toBe(true);
    expect(admit(topic, change('1', ['00Q']))).toBe(true);
    expect(admit(topic, change('3', ['00Q']))).toBe(false);
  });

  it('in a pubsub: every listener gets a change once, a replay reaches none of them', async () => {
    const pubsub = new MemoryPubSub({ admit: createChangeAdmission({ isChangeTopic }) });
    const topic = recordChangedTopic('ACCOUNT');
    const received: string[][] = [[], [], []];
    const unsubscribes = await Promise.all(
      received.map((list) => pubsub.subscribe(topic, (c) => list.push(c.replayId))),
    );
    await pubsub.publish(topic, change('5', ['001A']));
    await pubsub.publish(topic, change('6', ['001A']));
    // The new leader's replay after a failover overlaps what went out already.
    await pubsub.publish(topic, change('5', ['001A']));
    await pubsub.publish(topic, change('6', ['001A']));
    await pubsub.publish(topic, change('7', ['001A']));
    expect(received).toEqual([
      ['5', '6', '7'],
      ['5', '6', '7'],
      ['5', '6', '7'],
    ]);
    for (const unsubscribe of unsubscribes) await unsubscribe();
  });
});
