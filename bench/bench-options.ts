/**
 * `core`: the Salesforce-only operations (a page, the nested query, the 10-page walk).
 * `linked`: a page of accounts with payments, tickets, invoices and customer360, against the
 * Stripe, Zendesk and QuickBooks emulators too.
 * `dashboard`: signed-in users repeating dashboard queries with 5 % writes, cache off then on.
 */
export const BENCH_SCENARIOS = ['core', 'linked', 'dashboard'] as const;
export type BenchScenario = (typeof BENCH_SCENARIOS)[number];

/** What one `npm run bench` does; read from the environment so CI and laptops can tune it. */
export interface BenchOptions {
  /** `BENCH_SCENARIOS`, comma-separated (default: all). */
  scenarios: BenchScenario[];
  /**
   * Injected by the emulators into every API call (Salesforce, and in the linked scenario
   * Stripe, Zendesk and QuickBooks), for both servers.
   */
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
  /**
   * Emulator seed scale (Salesforce, and the linked emulators when that scenario runs):
   * 200 accounts, 1,000 contacts, 600 opportunities, 400 leads at 1. The first of `scales`.
   */
  scale: number;
  /**
   * `BENCH_SCALE`, comma-separated: `1,10` runs the core scenario once per scale, each on a
   * freshly seeded org, and compares calls per operation and p50 across them. The linked and
   * dashboard scenarios run at the first scale only.
   */
  scales: number[];
  /** Length of each concurrent burst (one per operation and server). */
  burstSeconds: number;
  /** Requests in flight during a burst. */
  concurrency: number;
  /** Hard cap on operations started in one burst, whatever the duration. */
  burstMaxOperations: number;
  resultsPath: string;
  /** The dashboard scenario (BENCH_DASHBOARD_*); its latency and scale are the ones above. */
  dashboard: {
    /** Simulated users, each signed in through the emulator's OAuth. */
    users: number;
    /** Steps per user before the measured window. */
    warmupSteps: number;
    /** Measured steps per user. */
    steps: number;
    /** Cap on each phase's measured window (two phases: cache off, cache on). */
    measureSeconds: number;
    /** Share of steps that write (updateOpportunity / updateAccount). */
    writeShare: number;
  };
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

const SCALE_RANGE = { min: 0.1, max: 20, integer: false };
/** Each scale is a full core run (primes, sequential iterations, bursts on both servers). */
const MAX_SCALES = 4;

function readScales(raw: string | undefined): number[] {
  if (raw === undefined || raw.trim() === '') return [1];
  const scales = raw
    .split(',')
    .map((part) => readNumber({ BENCH_SCALE: part }, 'BENCH_SCALE', Number.NaN, SCALE_RANGE));
  if (scales.some((scale) => Number.isNaN(scale)) || new Set(scales).size !== scales.length) {
    throw new BenchOptionsError(
      `BENCH_SCALE must be a scale or distinct comma-separated scales (e.g. 1,10), got "${raw}"`,
    );
  }
  if (scales.length > MAX_SCALES) {
    throw new BenchOptionsError(
      `BENCH_SCALE lists at most ${MAX_SCALES} scales, got ${scales.length} in "${raw}"`,
    );
  }
  return scales;
}

function readScenarios(raw: string | undefined): BenchScenario[] {
  if (raw === undefined || raw.trim() === '') return [...BENCH_SCENARIOS];
  const names = raw.split(',').map((name) => name.trim().toLowerCase());
  const scenarios = BENCH_SCENARIOS.filter((scenario) => names.includes(scenario));
  const unknown = names.filter((name) => !BENCH_SCENARIOS.some((s) => s === name));
  if (unknown.length > 0 || scenarios.length === 0) {
    throw new BenchOptionsError(
      `BENCH_SCENARIOS must list some of ${BENCH_SCENARIOS.join(', ')}, got "${raw}"`,
    );
  }
  return scenarios;
}

export function readBenchOptions(env: Record<string, string | undefined>): BenchOptions {
  const iterations = readNumber(env, 'BENCH_ITERATIONS', 20, { min: 1, max: 1000, integer: true });
  const scales = readScales(env.BENCH_SCALE);
  return {
    scenarios: readScenarios(env.BENCH_SCENARIOS),
    latencyMs: readNumber(env, 'BENCH_LATENCY_MS', 30, { min: 0, max: 1000, integer: false }),
    iterations,
    baselineNestedIterations: Math.max(1, Math.ceil(iterations / 2)),
    warmupIterations: readNumber(env, 'BENCH_WARMUP', 2, { min: 0, max: 100, integer: true }),
    primeRounds: readNumber(env, 'BENCH_PRIME', 3, { min: 0, max: 100, integer: true }),
    scale: scales[0] ?? 1,
    scales,
    burstSeconds: readNumber(env, 'BENCH_BURST_SECONDS', 10, { min: 0, max: 60, integer: false }),
    concurrency: readNumber(env, 'BENCH_CONCURRENCY', 8, { min: 1, max: 64, integer: true }),
    burstMaxOperations: readNumber(env, 'BENCH_BURST_MAX', 2000, {
      min: 1,
      max: 100_000,
      integer: true,
    }),
    resultsPath: env.BENCH_RESULTS ?? 'bench/results/latest.json',
    dashboard: {
      users: readNumber(env, 'BENCH_DASHBOARD_USERS', 50, { min: 1, max: 500, integer: true }),
      warmupSteps: readNumber(env, 'BENCH_DASHBOARD_WARMUP', 6, {
        min: 2,
        max: 1000,
        integer: true,
      }),
      steps: readNumber(env, 'BENCH_DASHBOARD_STEPS', 20, { min: 1, max: 10_000, integer: true }),
      measureSeconds: readNumber(env, 'BENCH_DASHBOARD_SECONDS', 15, {
        min: 1,
        max: 600,
        integer: false,
      }),
      writeShare: readNumber(env, 'BENCH_DASHBOARD_WRITE_SHARE', 0.05, {
        min: 0,
        max: 0.5,
        integer: false,
      }),
    },
  };
}
