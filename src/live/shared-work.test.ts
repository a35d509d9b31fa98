import { SharedWork } from './shared-work';

describe('SharedWork', () => {
  it('runs a key once while fresh, again after the TTL', async () => {
    // lru-cache treats a start time of 0 as "no TTL", so the fake clock starts later.
    let now = 1_000;
    const work = new SharedWork(2_000, 100, () => now);
    let calls = 0;
    const load = async () => ++calls;
    expect(await Promise.all([work.run('k', load), work.run('k', load)])).toEqual([1, 1]);
    now = 3_001;
    expect(await work.run('k', load)).toBe(2);
  });

  it('does not keep failures and stays within maxEntries', async () => {
    const work = new SharedWork(2_000, 2);
    await expect(work.run('bad', () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(await work.run('bad', async () => 'ok')).toBe('ok');
    for (const key of ['a', 'b', 'c', 'd']) await work.run(key, async () => key);
    expect(work.size).toBeLessThanOrEqual(3);
  });
});
