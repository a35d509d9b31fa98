/** What one `npm run bench` does; read from the environment so CI and laptops can tune it. */
export interface BenchOptions {
  /** Injected by the emulator into every Salesforce API call, for both servers. */
  latencyMs: number;
  /** Sequential measured iterations per operation (after warm-up). */
  iterations: number;
  /**
   * The baseline's nested query makes ~600 calls per run (0.4 to 1.5 s on a shared 2-core
   * box), so it gets half the sequential iterations to keep the whole bench near 90 s.
   */
  baselineNestedIterations: number;
  warmupIterations: number;
  /**
   * Rounds of every operation on both servers before anything is measured. Without them the
   * first operation measured (the gateway's, right after start-up) runs on cold, unoptimised
   * code that the baseline, measured later, no longer pays for.
   */
  primeRounds: number;
  /** Emulator seed scale: 200 accounts, 600 opportunities, 1,000 contacts at 1. */
  scale: number;
  /** Length of each concurrent burst (one per operation and server). */
  burstSeconds: number;
  /** Requests in flight during a burst. */
  concurrency: number;
  /** Hard cap on operations started in one burst, whatever the duration. */
  burstMaxOperations: number;
  resultsPath: string;
}

export class BenchOptionsError extends Error {
  override name = 'BenchOptionsError';
}

function readNumber(
  env: Record<string, string | undefined>,
  name: string,
  fallback: number,
  check: { min: number; max: number; integer: boolean },
): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (
    !Number.isFinite(value) ||
    value < check.min ||
    value > check.max ||
    (check.integer && !Number.isInteger(value))
  ) {
    const kind = check.integer ? 'an integer' : 'a number';
    throw new BenchOptionsError(
      `${name} must be ${kind} between ${check.min} and ${check.max}, got "${raw}"`,
    );
  }
  return value;
}

export function readBenchOptions(env: Record<string, string | undefined>): BenchOptions {
  const iterations = readNumber(env, 'BENCH_ITERATIONS', 20, { min: 1, max: 1000, integer: true });
  return {
    latencyMs: readNumber(env, 'BENCH_LATENCY_MS', 30, { min: 0, max: 1000, integer: false }),
    iterations,
    baselineNestedIterations: Math.max(1, Math.ceil(iterations / 2)),
    warmupIterations: readNumber(env, 'BENCH_WARMUP', 2, { min: 0, max: 100, integer: true }),
    primeRounds: readNumber(env, 'BENCH_PRIME', 3, { min: 0, max: 100, integer: true }),
    scale: readNumber(env, 'BENCH_SCALE', 1, { min: 0.1, max: 20, integer: false }),
    burstSeconds: readNumber(env, 'BENCH_BURST_SECONDS', 10, { min: 0, max: 60, integer: false }),
    concurrency: readNumber(env, 'BENCH_CONCURRENCY', 8, { min: 1, max: 64, integer: true }),
    burstMaxOperations: readNumber(env, 'BENCH_BURST_MAX', 2000, {
      min: 1,
      max: 100_000,
      integer: true,
    }),
    resultsPath: env.BENCH_RESULTS ?? 'bench/results/latest.json',
  };
}
