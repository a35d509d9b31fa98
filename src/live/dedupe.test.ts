import { ReplayDeduper } from './dedupe';

describe('ReplayDeduper', () => {
  it('reports a replayId as seen only after it was remembered', () => {
    const deduper = new ReplayDeduper();
    expect(deduper.has('1')).toBe(false);
    deduper.remember('1');
    expect(deduper.has('1')).toBe(true);
    expect(deduper.has('2')).toBe(false);
  });

  it('forgets the oldest ids beyond its window, keeping memory bounded', () => {
    const deduper = new ReplayDeduper({ windowSize: 3 });
    for (const id of ['1', '2', '3', '4', '5']) deduper.remember(id);
    expect(deduper.size).toBe(3);
    expect(deduper.has('1')).toBe(false);
    expect(deduper.has('2')).toBe(false);
    expect(['3', '4', '5'].every((id) => deduper.has(id))).toBe(true);
  });

  it('does not let a repeated id evict a newer one', () => {
    const deduper = new ReplayDeduper({ windowSize: 2 });
    deduper.remember('1');
    deduper.remember('2');
    deduper.remember('2');
    deduper.remember('2');
    expect(deduper.has('1')).toBe(true);
    expect(deduper.has('2')).toBe(true);
  });

  it('stays at the window size over a long stream', () => {
    const deduper = new ReplayDeduper({ windowSize: 100 });
    for (let i = 0; i < 10_000; i += 1) deduper.remember(String(i));
    expect(deduper.size).toBe(100);
    expect(deduper.has('9999')).toBe(true);
    expect(deduper.has('9899')).toBe(false);
  });
});
