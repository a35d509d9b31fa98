import type { BurstResult } from './load-runner';
import type { LatencySummary } from './latency-stats';

/*
 * The linked scenario's figures: calls per service and endpoint (from each emulator's
 * `/__emulator/stats`), the "one call per service per level" and round-trip-chain targets,
 * and how they print. Pure, so the arithmetic is unit-tested apart from any server.
 */

export const BENCH_SERVICES = ['salesforce', 'stripe', 'zendesk', 'quickbooks'] as const;
export type BenchService = (typeof BENCH_SERVICES)[number];

export const SERVICE_LABELS: Record<BenchService, string> = {
  salesforce: 'Salesforce',
  stripe: 'Stripe',
  zendesk: 'Zendesk',
  quickbooks: 'QuickBooks',
};

/** What every emulator's stats report: API calls served, in all and by endpoint. */
export interface ServiceCalls {
  total: number;
  byEndpoint: Record<string, number>;
}

export type CallCounts = Record<BenchService, ServiceCalls>;

/**
 * Stripe's search query language takes at most 10 clauses joined by OR, so one search finds
 * at most 10 customers (or the payments of 10 customers): a page needs ⌈accounts / 10⌉
 * searches per level, issued side by side.
 */
export const STRIPE_SEARCH_CLAUSES = 10;

export interface LinkedServerResult {
  /** Per operation, over the measured sequential iterations. */
  calls: CallCounts;
  cpuMsPerOperation: number;
  latency: LatencySummary;
  burst: BurstResult;
}

export interface LinkedResult {
  label: string;
  /** Injected per call by all four emulators. */
  latencyMs: number;
  /** Accounts on the page the operation reads. */
  pageSize: number;
  /** Null when the gateway could not answer the query (`gatewayError` says why). */
  gateway: LinkedServerResult | null;
  gatewayError: string | null;
  baseline: LinkedServerResult;
  sameAnswer: boolean;
}

export interface LinkedTargetCheck {
  description: string;
  /** What was measured, as printed. */
  actual: string;
  /** The bound, as printed. */
  required: string;
  met: boolean;
}

/** `after - before`, divided by the operations run between the two readings. */
export function callsPerOperation(
  before: CallCounts,
  after: CallCounts,
  operations: number,
): CallCounts {
  const per = (service: BenchService): ServiceCalls => {
    const a = after[service];
    const b = before[service];
    const byEndpoint: Record<string, number> = {};
    for (const [endpoint, count] of Object.entries(a.byEndpoint)) {
      const delta = count - (b.byEndpoint[endpoint] ?? 0);
      if (delta > 0) byEndpoint[endpoint] = delta / operations;
    }
    return { total: (a.total - b.total) / operations, byEndpoint };
  };
  return {
    salesforce: per('salesforce'),
    stripe: per('stripe'),
    zendesk: per('zendesk'),
    quickbooks: per('quickbooks'),
  };
}

/**
 * A service's dependent rounds, counted as the endpoints it was asked on: finding the
 * customer (or organization) and listing its items are two endpoints, and the second needs
 * the first's answer. Calls on one endpoint are taken as one level issued side by side.
 */
export function levelsOf(calls: ServiceCalls): number {
  return Object.values(calls.byEndpoint).filter((n) => n > 0).length;
}

/** The most calls any one level (endpoint) took. */
export function callsPerLevel(calls: ServiceCalls): number {
  return Math.max(0, ...Object.values(calls.byEndpoint));
}

/** One call per level, except Stripe: one search per 10 accounts of the page. */
export function allowedPerLevel(service: BenchService, pageSize: number): number {
  return service === 'stripe' ? Math.ceil(pageSize / STRIPE_SEARCH_CLAUSES) : 1;
}

/**
 * The slowest chain of dependent round trips: the Salesforce page, then the linked service
 * with the most levels (the services run side by side, so only the longest counts).
 */
export function roundTripChain(calls: CallCounts): {
  roundTrips: number;
  slowest: BenchService | undefined;
} {
  let slowest: BenchService | undefined;
  let most = 0;
  for (const service of BENCH_SERVICES) {
    if (service === 'salesforce') continue;
    const levels = levelsOf(calls[service]);
    if (levels > most) {
      most = levels;
      slowest = service;
    }
  }
  return { roundTrips: levelsOf(calls.salesforce) + most, slowest };
}

/** The chain's p50 allowance: 1.5× its round trips at the injected latency. */
export const CHAIN_P50_FACTOR = 1.5;

function number(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function endpoints(calls: ServiceCalls): string {
  const entries = Object.entries(calls.byEndpoint).sort(([a], [b]) => (a < b ? -1 : 1));
  return entries.length === 0
    ? 'no calls'
    : entries.map(([endpoint, n]) => `${endpoint} ${number(n)}`).join(', ');
}

/** Issue 9: ≤ 1 gateway call per service per level, and p50 within 1.5× of the slowest chain. */
export function checkLinkedTargets(result: LinkedResult): LinkedTargetCheck[] {
  const gateway = result.gateway;
  if (gateway === null) {
    return [
      {
        description: 'gateway answers the linked query',
        actual: `failed: ${result.gatewayError ?? 'unknown error'}`,
        required: 'an answer without errors',
        met: false,
      },
    ];
  }
  const checks: LinkedTargetCheck[] = BENCH_SERVICES.map((service) => {
    const calls = gateway.calls[service];
    const perLevel = callsPerLevel(calls);
    const allowed = allowedPerLevel(service, result.pageSize);
    const why =
      service === 'stripe'
        ? ` (${STRIPE_SEARCH_CLAUSES} OR clauses per search, ${result.pageSize} accounts)`
        : '';
    return {
      description: `gateway ${SERVICE_LABELS[service]} calls per level`,
      actual: `${number(perLevel)} (${endpoints(calls)}; ${number(calls.total)} in all)`,
      required: `≤${allowed}${why}`,
      met: perLevel <= allowed,
    };
  });
  const chain = roundTripChain(gateway.calls);
  const chainMs = chain.roundTrips * result.latencyMs;
  const boundMs = chainMs * CHAIN_P50_FACTOR;
  const p50 = gateway.latency.p50Ms;
  const path = chain.slowest
    ? `Salesforce then ${SERVICE_LABELS[chain.slowest]}: ${chain.roundTrips} round trips × ${number(result.latencyMs)} ms = ${number(chainMs)} ms`
    : `${chain.roundTrips} round trips`;
  checks.push({
    description: `gateway p50 within ${CHAIN_P50_FACTOR}× of the slowest round-trip chain`,
    actual: `${p50.toFixed(1)} ms (${path})`,
    required: result.latencyMs > 0 ? `≤${number(boundMs)} ms` : 'not checked at 0 ms latency',
    met: result.latencyMs > 0 && chain.roundTrips > 0 && p50 <= boundMs,
  });
  return checks;
}

const HEADERS = [
  'server',
  ...BENCH_SERVICES.map((s) => `${SERVICE_LABELS[s]} calls/op`),
  'p50 ms',
  'p95 ms',
  'CPU ms/op',
  'req/s',
] as const;

function row(name: string, server: LinkedServerResult | null): string[] {
  if (server === null) return [name, ...HEADERS.slice(1).map(() => 'failed')];
  const { completed, failed, throughput } = server.burst;
  return [
    name,
    ...BENCH_SERVICES.map((s) => number(server.calls[s].total)),
    server.latency.p50Ms.toFixed(1),
    server.latency.p95Ms.toFixed(1),
    server.cpuMsPerOperation.toFixed(1),
    completed + failed === 0 ? '-' : throughput.toFixed(1),
  ];
}

/** A markdown table (one row per server) and each server's calls by endpoint. */
export function formatLinkedResult(result: LinkedResult): string {
  const rows = [[...HEADERS], row('gateway', result.gateway), row('baseline', result.baseline)];
  const widths = HEADERS.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? '').length)));
  const line = (cells: string[]): string =>
    `| ${cells
      .map((cell, col) =>
        col === 0 ? cell.padEnd(widths[col] ?? 0) : cell.padStart(widths[col] ?? 0),
      )
      .join(' | ')} |`;
  const rule = `|${widths.map((w, col) => (col === 0 ? `-${'-'.repeat(w)}-` : `-${'-'.repeat(w)}:`)).join('|')}|`;
  const byEndpoint = (name: string, server: LinkedServerResult | null): string[] =>
    server === null
      ? [`${name}: failed (${result.gatewayError ?? 'unknown error'})`]
      : [
          `${name} calls per operation by endpoint:`,
          ...BENCH_SERVICES.map(
            (s) => `  ${SERVICE_LABELS[s].padEnd(10)} ${endpoints(server.calls[s])}`,
          ),
        ];
  return [
    line(rows[0] ?? []),
    rule,
    ...rows.slice(1).map(line),
    '',
    ...byEndpoint('gateway', result.gateway),
    ...byEndpoint('baseline', result.baseline),
  ].join('\n');
}

export function formatLinkedTargets(checks: readonly LinkedTargetCheck[]): string {
  return checks
    .map(
      (t) =>
        `${t.met ? 'MET    ' : 'NOT MET'}  ${t.description}: ${t.actual} (target ${t.required})`,
    )
    .join('\n');
}
