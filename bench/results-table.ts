import type { OperationResult, ServerResult, TargetCheck } from './bench-results';

const HEADERS = [
  'operation',
  'SF calls/op gw',
  'SF calls/op base',
  'calls ×fewer',
  'p50 ms gw',
  'p50 ms base',
  'p50 ×faster',
  'p95 ms gw',
  'p95 ms base',
  'CPU ms/op gw',
  'CPU ms/op base',
  'req/s gw',
  'req/s base',
] as const;

function fixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '∞';
}

/** Whole numbers stay whole; averages that are not (retries, refreshes) show one decimal. */
function calls(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function times(value: number): string {
  return `${fixed(value, value >= 100 ? 0 : 1)}x`;
}

/** `-` when no burst ran (BENCH_BURST_SECONDS=0), rather than a misleading 0. */
function throughput(server: ServerResult): string {
  const { completed, failed, throughput: perSecond } = server.burst;
  return completed + failed === 0 ? '-' : fixed(perSecond, 1);
}

function row(result: OperationResult): string[] {
  return [
    result.label,
    calls(result.gateway.callsPerOperation),
    calls(result.baseline.callsPerOperation),
    times(result.callsFewer),
    fixed(result.gateway.latency.p50Ms, 1),
    fixed(result.baseline.latency.p50Ms, 1),
    times(result.p50Faster),
    fixed(result.gateway.latency.p95Ms, 1),
    fixed(result.baseline.latency.p95Ms, 1),
    fixed(result.gateway.cpuMsPerOperation, 1),
    fixed(result.baseline.cpuMsPerOperation, 1),
    throughput(result.gateway),
    throughput(result.baseline),
  ];
}

/** A GitHub-flavoured markdown table: readable in a terminal and pasteable into the README. */
export function formatResultsTable(results: readonly OperationResult[]): string {
  return markdownTable([[...HEADERS], ...results.map(row)]);
}

/** Rows (the first is the header) as a markdown table: first column left, the rest right. */
export function markdownTable(rows: readonly string[][]): string {
  const header = rows[0] ?? [];
  const widths = header.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    `| ${cells
      .map((cell, col) =>
        col === 0 ? cell.padEnd(widths[col] ?? 0) : cell.padStart(widths[col] ?? 0),
      )
      .join(' | ')} |`;
  const rule = `|${widths.map((w, col) => (col === 0 ? `-${'-'.repeat(w)}-` : `-${'-'.repeat(w)}:`)).join('|')}|`;
  return [line(rows[0] ?? []), rule, ...rows.slice(1).map(line)].join('\n');
}

export function formatTargets(targets: readonly TargetCheck[]): string {
  return targets
    .map((t) => {
      const bound = t.comparison === 'atMost' ? '≤' : '≥';
      const figures =
        t.unit === 'ms'
          ? `${fixed(t.actual, 1)} ms (target ${bound}${t.required} ms)`
          : `${t.comparison === 'atMost' ? `${fixed(t.actual, 2)}x` : times(t.actual)} (target ${bound}${t.required}x)`;
      return `${t.met ? 'MET    ' : 'NOT MET'}  ${t.description}: ${figures}`;
    })
    .join('\n');
}

const CPU_HEADERS = [
  'operation',
  'CPU ms/op gw',
  'CPU ms/op base',
  'CPU ms/op floor',
  'gw ÷ floor',
  'gw ÷ base',
  'p50 ms floor',
  'req/s floor',
] as const;

/**
 * Each server's own process CPU per operation next to the in-memory floor's: what the
 * gateway spends above what any type-graphql + Apollo server pays for the same answer.
 */
export function formatCpuTable(results: readonly OperationResult[]): string {
  const rows = results.map((r) => {
    const floor = r.floor ?? null;
    return [
      r.label,
      fixed(r.gateway.cpuMsPerOperation, 2),
      fixed(r.baseline.cpuMsPerOperation, 2),
      floor ? fixed(floor.cpuMsPerOperation, 2) : '-',
      floor ? `${fixed(r.gateway.cpuMsPerOperation / floor.cpuMsPerOperation, 2)}x` : '-',
      `${fixed(r.gateway.cpuMsPerOperation / r.baseline.cpuMsPerOperation, 2)}x`,
      floor ? fixed(floor.latency.p50Ms, 1) : '-',
      floor ? throughput(floor) : '-',
    ];
  });
  return markdownTable([[...CPU_HEADERS], ...rows]);
}
