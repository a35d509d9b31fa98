import type { ChangeEvent } from '../model/types';
import { ADMIN, REP1, START, emptyStore } from '../../../../test/helpers/emulator-store-fixtures';

describe('change events', () => {
  function recording() {
    const store = emptyStore();
    const events: ChangeEvent[] = [];
    const stop = store.onChange((e) => events.push(e));
    return { store, events, stop };
  }

  it('emits a CREATE with the written and system fields after commit', () => {
    const { store, events } = recording();
    const id = store.create('Account', { Name: 'Acme', Industry: 'Banking' }, REP1);
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event).toMatchObject({
      entityName: 'Account',
      changeType: 'CREATE',
      recordIds: [id],
      commitUserId: REP1.Id,
      commitTimestamp: START + 1000,
      values: { Name: 'Acme', Industry: 'Banking', OwnerId: REP1.Id, IsDeleted: false },
    });
    expect(event.changedFields).toEqual(
      expect.arrayContaining(['Name', 'Industry', 'CreatedDate', 'LastModifiedDate']),
    );
    expect(event.changedFields).not.toContain('Phone');
    expect(event.transactionKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('emits an UPDATE listing only what changed, including LastModifiedDate and derived fields', () => {
    const { store, events } = recording();
    const id = store.create(
      'Opportunity',
      { Name: 'D', StageName: 'Prospecting', CloseDate: '2025-01-31', Amount: 100 },
      ADMIN,
    );
    events.length = 0;
    store.update('Opportunity', id, { StageName: 'Closed Won', Name: 'D' }, ADMIN);
    expect(events).toHaveLength(1);
    expect(events[0].changeType).toBe('UPDATE');
    expect(new Set(events[0].changedFields)).toEqual(
      new Set([
        'StageName',
        'Probability',
        'ExpectedRevenue',
        'IsClosed',
        'IsWon',
        'ForecastCategory',
        'ForecastCategoryName',
        'LastModifiedDate',
        'SystemModstamp',
      ]),
    );
    expect(events[0].values).toMatchObject({
      StageName: 'Closed Won',
      IsWon: true,
      Probability: 100,
    });
  });

  it('groups identical changes of one transaction into one event, and nothing is emitted on rollback', () => {
    const { store, events } = recording();
    const a = store.create('Account', { Name: 'A' }, ADMIN);
    const b = store.create('Account', { Name: 'B' }, ADMIN);
    events.length = 0;
    store.updateMany(
      [
        { objectName: 'Account', id: a, values: { Industry: 'Energy' } },
        { objectName: 'Account', id: b, values: { Industry: 'Energy' } },
      ],
      true,
      ADMIN,
    );
    expect(events).toHaveLength(1);
    expect(events[0].recordIds).toEqual([a, b]);
    events.length = 0;
    store.updateMany(
      [
        { objectName: 'Account', id: a, values: { Industry: 'Oil' } },
        { objectName: 'Account', id: 'x', values: {} },
      ],
      true,
      ADMIN,
    );
    expect(events).toHaveLength(0);
  });

  it('emits cascades and undeletes with one shared transaction key', () => {
    const { store, events } = recording();
    const accountId = store.create('Account', { Name: 'P' }, ADMIN);
    const contactId = store.create('Contact', { LastName: 'C', AccountId: accountId }, ADMIN);
    events.length = 0;
    store.delete(accountId, ADMIN);
    expect(events.map((e) => [e.entityName, e.changeType, e.recordIds])).toEqual([
      ['Account', 'DELETE', [accountId]],
      ['Contact', 'DELETE', [contactId]],
    ]);
    expect(new Set(events.map((e) => e.transactionKey)).size).toBe(1);
    events.length = 0;
    store.undelete(accountId, ADMIN);
    expect(events.map((e) => e.changeType)).toEqual(['UNDELETE', 'UNDELETE']);
    expect(events[0].values).toMatchObject({ Name: 'P', IsDeleted: false });
  });

  it('emits a conversion as one transaction over four objects', () => {
    const { store, events } = recording();
    const leadId = store.create('Lead', { LastName: 'L', Company: 'Co' }, ADMIN);
    events.length = 0;
    store.convertLead({ leadId, convertedStatus: 'Closed - Converted' }, ADMIN);
    expect(events.map((e) => `${e.entityName}:${e.changeType}`)).toEqual([
      'Account:CREATE',
      'Contact:CREATE',
      'Opportunity:CREATE',
      'Lead:UPDATE',
    ]);
    expect(new Set(events.map((e) => e.transactionKey)).size).toBe(1);
    expect(events[3].changedFields).toEqual(
      expect.arrayContaining(['IsConverted', 'ConvertedAccountId', 'Status']),
    );
  });

  it('stops after unsubscribe and survives a throwing listener', () => {
    const { store, events, stop } = recording();
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    store.onChange(() => {
      throw new Error('boom');
    });
    store.create('Account', { Name: 'A' }, ADMIN);
    expect(events).toHaveLength(1);
    expect(errors).toHaveBeenCalled();
    stop();
    store.create('Account', { Name: 'B' }, ADMIN);
    expect(events).toHaveLength(1);
    expect([...store.rows('Account')]).toHaveLength(2);
    errors.mockRestore();
  });
});
