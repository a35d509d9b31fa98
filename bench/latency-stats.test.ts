import { percentile, summarize } from './latency-stats';

describe('latency stats', () => {
  it('uses the nearest rank, so p50 and p95 are real samples', () => {
    const sorted = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(10);
    expect(percentile(sorted, 95)).toBe(19);
    expect(percentile(sorted, 100)).toBe(20);
    expect(percentile([7], 50)).toBe(7);
  });

  it('sorts before summarizing and reports mean and max', () => {
    expect(summarize([30, 10, 20, 40])).toEqual({
      samples: 4,
      p50Ms: 20,
      p95Ms: 40,
      meanMs: 25,
      maxMs: 40,
    });
  });

  it('refuses no samples and percentiles outside (0, 100]', () => {
    expect(() => summarize([])).toThrow(RangeError);
    expect(() => percentile([1, 2], 0)).toThrow(RangeError);
    expect(() => percentile([1, 2], 101)).toThrow(RangeError);
  });
});
