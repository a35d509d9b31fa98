import { markdownTable } from './results-table';
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
  /** Null when the gateway failed or nothing was injected (BENCH_LATENCY_MS=0). */
  chain: ChainProbe | null;
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
 * The dependent levels the linking rule gives a service: Salesforce reads the page; each
 * linked service finds the customer or organization (for accounts without the link field),
 * then lists its items. A service asked on more endpoints than that has that many levels.
 */
export const LINK_LEVELS: Record<BenchService, number> = {
  salesforce: 1,
  stripe: 2,
  zendesk: 2,
  quickbooks: 2,
};

export function levelsOf(service: BenchService, calls: ServiceCalls): number {
  const endpoints = Object.values(calls.byEndpoint).filter((n) => n > 0).length;
  return Math.max(LINK_LEVELS[service], endpoints);
}

/**
 * A service's calls spread over its levels. QuickBooks asks both levels on its one `query`
 * endpoint, so the endpoints alone cannot tell the levels apart; the by-endpoint figures are
 * printed next to it.
 */
export function callsPerLevel(service: BenchService, calls: ServiceCalls): number {
  return calls.total / levelsOf(service, calls);
}

/** One call per level, except Stripe: one search per 10 accounts of the page. */
export function allowedPerLevel(service: BenchService, pageSize: number): number {
  return service === 'stripe' ? Math.ceil(pageSize / STRIPE_SEARCH_CLAUSES) : 1;
}

export type LinkedService = Exclude<BenchService, 'salesforce'>;
export const LINKED_SERVICES: readonly LinkedService[] = ['stripe', 'zendesk', 'quickbooks'];

/**
 * The gateway's p50 with Salesforce at the injected latency and the linked services' latency
 * switched (each emulator's `latencyMs` knob): all three at 0, then one service at a time.
 * "One service alone" is that service's own round-trip chain (after the Salesforce page), so
 * the slowest of them is what the whole query would take if the services ran side by side.
 */
export interface ChainProbe {
  salesforceOnlyMs: number;
  aloneMs: Record<LinkedService, number>;
}

export interface SlowestChain {
  service: LinkedService;
  /** The gateway's p50 with only this linked service slow. */
  ms: number;
  /**
   * Over "Salesforce only": what this service's chain adds. Not a count of round trips: the
   * gateway's own work (and the other emulators') overlaps the waits.
   */
  extraMs: number;
}

export function slowestChain(probe: ChainProbe): SlowestChain {
  let slowest: LinkedService = 'stripe';
  for (const service of LINKED_SERVICES) {
    if (probe.aloneMs[service] > probe.aloneMs[slowest]) slowest = service;
  }
  return {
    service: slowest,
    ms: probe.aloneMs[slowest],
    extraMs: probe.aloneMs[slowest] - probe.salesforceOnlyMs,
  };
}

/** The allowance over the slowest single chain: services in parallel, not in series. */
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
    const levels = levelsOf(service, calls);
    const perLevel = callsPerLevel(service, calls);
    const allowed = allowedPerLevel(service, result.pageSize);
    const why =
      service === 'stripe'
        ? ` (${STRIPE_SEARCH_CLAUSES} OR clauses per search, ${result.pageSize} accounts)`
        : '';
    return {
      description: `gateway ${SERVICE_LABELS[service]} calls per level`,
      actual: `${number(perLevel)} (${number(calls.total)} call${calls.total === 1 ? '' : 's'} over ${levels} level${levels === 1 ? '' : 's'}: ${endpoints(calls)})`,
      required: `≤${allowed}${why}`,
      met: perLevel <= allowed,
    };
  });
  const p50 = gateway.latency.p50Ms;
  const description = `gateway p50 within ${CHAIN_P50_FACTOR}× of the slowest single upstream chain`;
  if (result.chain === null) {
    checks.push({
      description,
      actual: `${p50.toFixed(1)} ms`,
      required: 'not checked without injected latency',
      met: false,
    });
    return checks;
  }
  const slowest = slowestChain(result.chain);
  const boundMs = slowest.ms * CHAIN_P50_FACTOR;
  const alone = LINKED_SERVICES.map(
    (service) => `${SERVICE_LABELS[service]} ${result.chain?.aloneMs[service].toFixed(1)}`,
  ).join(', ');
  checks.push({
    description,
    actual:
      `${p50.toFixed(1)} ms with all four slow (${alone} ms with only that service slow; ` +
      `Salesforce only ${result.chain.salesforceOnlyMs.toFixed(1)} ms; slowest ${SERVICE_LABELS[slowest.service]}, ` +
      `+${slowest.extraMs.toFixed(1)} ms over Salesforce only)`,
    required: `≤${boundMs.toFixed(1)} ms`,
    met: p50 <= boundMs,
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
    markdownTable(rows),
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
