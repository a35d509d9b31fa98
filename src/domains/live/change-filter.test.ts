import type { NormalizedChange } from '../../live/normalized-change';
import { compileChangeFilter } from './change-filter';

const change = (overrides: Partial<NormalizedChange>): NormalizedChange => ({
  type: 'CONTACT',
  changeType: 'UPDATE',
  recordIds: ['003000000000001AAA'],
  changedFields: ['lastName'],
  commitTimestamp: '2030-01-01T00:00:00.000Z',
  commitUserId: null,
  replayId: '1',
  entityName: 'Contact',
  ...overrides,
});

describe('compileChangeFilter', () => {
  it('matches ids on their 15-character form and rejects other records', () => {
    const filter = compileChangeFilter({ ids: ['003000000000001'] });
    expect(filter.matches(change({}))).toBe(true);
    expect(filter.matches(change({ recordIds: ['003000000000002AAA'] }))).toBe(false);
  });

  it('filters by change type, GAP included only when asked', () => {
    const filter = compileChangeFilter({ changeTypes: ['CREATE'] });
    expect(filter.matches(change({ changeType: 'CREATE' }))).toBe(true);
    expect(filter.matches(change({}))).toBe(false);
    expect(filter.matches(change({ changeType: 'GAP', recordIds: [] }))).toBe(false);
  });

  it('asks for the account when the event does not carry it, and then checks it', () => {
    const filter = compileChangeFilter({ accountIds: ['001000000000001AAA'] });
    const withoutAccount = change({});
    expect(filter.needsAccountIds(withoutAccount)).toBe(true);
    expect(filter.matches({ ...withoutAccount, accountIds: ['001000000000001AAA'] })).toBe(true);
    expect(filter.matches({ ...withoutAccount, accountIds: ['001000000000009AAA'] })).toBe(false);
    expect(filter.matches({ ...withoutAccount, accountIds: [] })).toBe(false);
  });

  it('lets an overflow GAP without records through any id or account filter', () => {
    const filter = compileChangeFilter({
      ids: ['003000000000001'],
      accountIds: ['001000000000001'],
    });
    const gap = change({ changeType: 'GAP', recordIds: [] });
    expect(filter.matches(gap)).toBe(true);
    expect(filter.needsAccountIds(gap)).toBe(false);
  });
});
