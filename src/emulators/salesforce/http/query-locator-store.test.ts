import type { JsonRecord } from '../model/types';
import { QueryLocatorStore } from './query-locator-store';

const rows = (n: number): JsonRecord[] =>
  Array.from({ length: n }, (_, i) => ({ attributes: { type: 'Account' }, Name: `A${i}` }));

describe('QueryLocatorStore', () => {
  let now = 0;
  const store = () => new QueryLocatorStore({ clock: () => new Date(now), maxPerUser: 2 });

  beforeEach(() => {
    now = 1_700_000_000_000;
  });

  it('answers small results in one page without a locator', () => {
    expect(store().firstPage({ totalSize: 3, records: rows(3) }, 'u1', 2000, '59.0')).toEqual({
      totalSize: 3,
      done: true,
      records: rows(3),
    });
  });

  it('pages big results by the batch size through nextRecordsUrl locators', () => {
    const s = store();
    const first = s.firstPage({ totalSize: 4500, records: rows(4500) }, 'u1', 2000, '59.0');
    expect(first.done).toBe(false);
    expect(first.records).toHaveLength(2000);
    expect(first.nextRecordsUrl).toMatch(
      /^\/services\/data\/v59\.0\/query\/01g[A-Za-z0-9]{15}-2000$/,
    );
    const locator = (first.nextRecordsUrl as string).split('/').pop() as string;
    const second = s.nextPage(locator, 'u1', '59.0');
    expect(second?.records[0]).toEqual(rows(4500)[2000]);
    expect(second?.nextRecordsUrl).toMatch(/-4000$/);
    const last = s.nextPage(
      (second?.nextRecordsUrl as string).split('/').pop() as string,
      'u1',
      '59.0',
    );
    expect(last).toMatchObject({ totalSize: 4500, done: true });
    expect(last?.records).toHaveLength(500);
    expect(last?.nextRecordsUrl).toBeUndefined();
  });

  it('rejects unknown, foreign, malformed and expired locators', () => {
    const s = store();
    const first = s.firstPage({ totalSize: 10, records: rows(10) }, 'u1', 4, '59.0');
    const locator = (first.nextRecordsUrl as string).split('/').pop() as string;
    expect(s.nextPage(locator, 'someone-else', '59.0')).toBeUndefined();
    expect(s.nextPage('01gAAAAAAAAAAAAAAA-4', 'u1', '59.0')).toBeUndefined();
    expect(s.nextPage('garbage', 'u1', '59.0')).toBeUndefined();
    now += 16 * 60 * 1000;
    expect(s.nextPage(locator, 'u1', '59.0')).toBeUndefined();
  });

  it('closes the oldest cursor of a user beyond the per-user cap', () => {
    const s = store();
    const open = () =>
      (s.firstPage({ totalSize: 10, records: rows(10) }, 'u1', 4, '59.0').nextRecordsUrl as string)
        .split('/')
        .pop() as string;
    const oldest = open();
    now += 1;
    const middle = open();
    now += 1;
    open();
    expect(s.nextPage(oldest, 'u1', '59.0')).toBeUndefined();
    expect(s.nextPage(middle, 'u1', '59.0')).toBeDefined();
  });
});
