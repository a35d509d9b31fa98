/** Latencies as whole-millisecond counts: 500,000 deliveries cross IPC as a few hundred pairs. */
export type Histogram = Map<number, number>;

export function mergeHistograms(parts: ReadonlyArray<ReadonlyArray<[number, number]>>): Histogram {
  const merged: Histogram = new Map();
  for (const part of parts) {
    for (const [ms, count] of part) merged.set(ms, (merged.get(ms) ?? 0) + count);
  }
  return merged;
}

export interface HistogramSummary {
  samples: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** Nearest-rank percentiles (as bench/latency-stats.ts), so each value is a real sample. */
export function summarizeHistogram(histogram: Histogram): HistogramSummary {
  const buckets = [...histogram].filter(([, count]) => count > 0).sort(([a], [b]) => a - b);
  const samples = buckets.reduce((sum, [, count]) => sum + count, 0);
  if (samples === 0) throw new RangeError('no latency samples');
  const at = (p: number): number => {
    const rank = Math.ceil((p / 100) * samples);
    let seen = 0;
    for (const [ms, count] of buckets) {
      seen += count;
      if (seen >= rank) return ms;
    }
    return buckets[buckets.length - 1]![0];
  };
  return { samples, p50Ms: at(50), p95Ms: at(95), p99Ms: at(99), maxMs: at(100) };
}
