import type { QueryPage } from './client';
import { countRecords, readAllPages, toQueryPage } from './paging';

const page = (records: string[], nextRecordsUrl?: string): QueryPage<string> => ({
  totalSize: records.length,
  done: nextRecordsUrl === undefined,
  ...(nextRecordsUrl === undefined ? {} : { nextRecordsUrl }),
  records,
});

describe('toQueryPage', () => {
  it('reads a result as Salesforce sends it, and anything else as an empty last page', () => {
    expect(
      toQueryPage({ totalSize: 9, done: false, nextRecordsUrl: '/q/1', records: ['a'] }),
    ).toEqual({ totalSize: 9, done: false, nextRecordsUrl: '/q/1', records: ['a'] });
    expect(toQueryPage(undefined)).toEqual({ totalSize: 0, done: true, records: [] });
  });
});

describe('readAllPages', () => {
  it('follows each locator once until the last batch', async () => {
    const asked: string[] = [];
    const more = (url: string) => {
      asked.push(url);
      return Promise.resolve(url === '/q/1' ? page(['b'], '/q/2') : page(['c']));
    };
    await expect(readAllPages(page(['a'], '/q/1'), more)).resolves.toEqual(['a', 'b', 'c']);
    expect(asked).toEqual(['/q/1', '/q/2']);
  });

  it('stops asking once it holds `limit` rows', async () => {
    const more = jest.fn(() => Promise.resolve(page(['c'])));
    await expect(readAllPages(page(['a', 'b'], '/q/1'), more, 1)).resolves.toEqual(['a']);
    expect(more).not.toHaveBeenCalled();
  });
});

describe('countRecords', () => {
  it('counts rows and the rows of child subqueries nested in them', () => {
    const child = (n: number) => ({
      totalSize: n,
      done: true,
      records: Array.from({ length: n }, () => ({ Id: 'x' })),
    });
    expect(countRecords([])).toBe(0);
    expect(
      countRecords([
        { Id: 'a', Contacts: child(3), Owner: { Name: 'n' } },
        { Id: 'b', Contacts: null },
        { Id: 'c', Contacts: child(0), Opportunities: child(2) },
      ]),
    ).toBe(3 + 3 + 2);
  });
});
