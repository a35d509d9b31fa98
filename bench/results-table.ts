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
      const figures =
        t.kind === 'maxMs'
          ? `${fixed(t.actual, 1)} ms (target ≤${t.required} ms)`
          : `${times(t.actual)} (target ≥${t.required}x)`;
      return `${t.met ? 'MET    ' : 'NOT MET'}  ${t.description}: ${figures}`;
    })
    .join('\n');
}
