import { mergeHistograms, summarizeHistogram } from './latency-histogram';

describe('latency histogram', () => {
  it('merges parts and answers nearest-rank percentiles over every sample', () => {
    // 1..100 ms once each, split across two client processes.
    const first: Array<[number, number]> = [];
    const second: Array<[number, number]> = [];
    for (let ms = 1; ms <= 100; ms += 1) (ms % 2 === 0 ? first : second).push([ms, 1]);
    const summary = summarizeHistogram(mergeHistograms([first, second]));
    expect(summary).toEqual({ samples: 100, p50Ms: 50, p95Ms: 95, p99Ms: 99, maxMs: 100 });
  });

  it('weighs each bucket by its count', () => {
    const summary = summarizeHistogram(
      mergeHistograms([
        [
          [10, 98],
          [500, 2],
        ],
      ]),
    );
    expect(summary).toMatchObject({ p50Ms: 10, p95Ms: 10, p99Ms: 500, maxMs: 500 });
  });

  it('refuses an empty histogram', () => {
    expect(() => summarizeHistogram(new Map())).toThrow(RangeError);
  });
});
