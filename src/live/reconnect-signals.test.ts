import { refetchSignal } from './access-filter';
import type { NormalizedChange } from './normalized-change';
import { ReconnectSignals } from './reconnect-signals';
import { PIPELINE_CHANGED_TOPIC, recordChangedTopic } from './topics';

const AT = new Date('2026-12-05T18:00:00.000Z');
const ACCOUNTS = recordChangedTopic('ACCOUNT').name;

const change: NormalizedChange = {
  type: 'ACCOUNT',
  changeType: 'UPDATE',
  recordIds: ['001000000000001AAA'],
  changedFields: ['name'],
  commitTimestamp: '2026-12-05T17:59:00.000Z',
  commitUserId: '005000000000001AAA',
  replayId: '42',
  entityName: 'Account',
  accountIds: ['001000000000001AAA'],
  values: { Name: 'Secret' },
};

describe('ReconnectSignals', () => {
  it('gives a record-change topic a record-less GAP after the last position seen there', () => {
    const signals = new ReconnectSignals(() => AT);
    signals.observe(ACCOUNTS, change);
    signals.observe(recordChangedTopic('LEAD').name, { ...change, type: 'LEAD', replayId: '43' });
    const gap = signals.signal(ACCOUNTS);
    expect(gap).toEqual(refetchSignal({ ...change, commitTimestamp: AT.toISOString() }));
    expect(gap).toEqual({
      type: 'ACCOUNT',
      changeType: 'GAP',
      recordIds: [],
      changedFields: [],
      commitTimestamp: AT.toISOString(),
      commitUserId: null,
      replayId: '42',
      entityName: 'Account',
    });
  });

  it('signals a topic that saw nothing yet, with no position', () => {
    const gap = new ReconnectSignals(() => AT).signal(recordChangedTopic('OPPORTUNITY').name);
    expect(gap).toMatchObject({ type: 'OPPORTUNITY', changeType: 'GAP', recordIds: [] });
    expect(gap).toHaveProperty('replayId', '');
  });

  it('makes pipeline subscribers recompute, and says nothing on other topics', () => {
    const signals = new ReconnectSignals(() => AT);
    expect(signals.signal(PIPELINE_CHANGED_TOPIC.name)).toEqual({
      report: null,
      asOf: AT.toISOString(),
    });
    signals.observe('something.else', change);
    expect(signals.signal('something.else')).toBeUndefined();
  });
});
