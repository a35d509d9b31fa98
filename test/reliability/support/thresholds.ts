/**
 * The battery's bounds, each overridable from the environment for a slower machine. The
 * defaults are the promise (`/healthz` within 100 ms) and a memory bound documented
 * in docs/production/reliability.md.
 */
function positiveNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`${name} must be a positive number, got ${JSON.stringify(raw)}`);
  }
  return value;
}

export interface ReliabilityThresholds {
  /** The slowest `/healthz` answer a scenario may see. */
  healthzMaxMs: number;
  /** How much the gateway's resident set may grow across one scenario. */
  rssGrowthMaxBytes: number;
}

export function reliabilityThresholds(): ReliabilityThresholds {
  return {
    healthzMaxMs: positiveNumber('RELIABILITY_HEALTHZ_MAX_MS', 100),
    rssGrowthMaxBytes: positiveNumber('RELIABILITY_RSS_GROWTH_MAX_MB', 64) * 1024 * 1024,
  };
}
