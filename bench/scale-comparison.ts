import type { OperationId } from './bench-operations';
import type { OperationResult } from './bench-results';
import { markdownTable } from './results-table';

/** One core run: every operation measured on an org seeded at `scale`. */
export interface ScaleRun {
  scale: number;
  results: readonly OperationResult[];
}

export interface ScaleRow {
  id: OperationId;
  label: string;
  /** One entry per scale, in the order of `ScaleComparison.scales`; NaN where not measured. */
  gatewayCalls: number[];
  gatewayP50Ms: number[];
  baselineCalls: number[];
}

export interface ScaleComparison {
  scales: number[];
  rows: ScaleRow[];
  /**
   * Issue 13: the gateway's Salesforce calls per operation do not grow with the data, only
   * with the page count. Every operation keeps its page count at every scale, so each must
   * make exactly the calls it made at the first scale.
   */
  callsFlat: {
    met: boolean;
    /** Operations whose calls changed (or that were not measured at every scale). */
    changed: string[];
  };
}

const at = (run: ScaleRun, id: OperationId): OperationResult | undefined =>
  run.results.find((r) => r.id === id);

/** Calls per op are averages over the same iteration count, so equal means equal. */
const sameCalls = (a: number, b: number): boolean => Math.abs(a - b) < 1e-9;

export function compareScales(runs: readonly ScaleRun[]): ScaleComparison {
  const ids: Array<{ id: OperationId; label: string }> = [];
  for (const run of runs) {
    for (const r of run.results) {
      if (!ids.some((seen) => seen.id === r.id)) ids.push({ id: r.id, label: r.label });
    }
  }
  const rows = ids.map(({ id, label }): ScaleRow => {
    const measured = runs.map((run) => at(run, id));
    return {
      id,
      label,
      gatewayCalls: measured.map((r) => r?.gateway.callsPerOperation ?? Number.NaN),
      gatewayP50Ms: measured.map((r) => r?.gateway.latency.p50Ms ?? Number.NaN),
      baselineCalls: measured.map((r) => r?.baseline.callsPerOperation ?? Number.NaN),
    };
  });
  const changed = rows
    .filter((row) => {
      const [first, ...rest] = row.gatewayCalls;
      return (
        first === undefined ||
        Number.isNaN(first) ||
        rest.some((calls) => Number.isNaN(calls) || !sameCalls(calls, first))
      );
    })
    .map((row) => row.label);
  return {
    scales: runs.map((run) => run.scale),
    rows,
    callsFlat: { met: runs.length >= 2 && rows.length > 0 && changed.length === 0, changed },
  };
}

function calls(value: number): string {
  if (Number.isNaN(value)) return '-';
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function ms(value: number): string {
  return Number.isNaN(value) ? '-' : value.toFixed(1);
}

function growth(values: readonly number[]): string {
  const first = values[0];
  const last = values[values.length - 1];
  if (first === undefined || last === undefined || !(first > 0) || Number.isNaN(last)) return '-';
  return `${(last / first).toFixed(2)}x`;
}

/** A markdown table (per operation: calls and p50 at each scale) and the MET line. */
export function formatScaleComparison(comparison: ScaleComparison): string {
  const { scales, rows, callsFlat } = comparison;
  const first = scales[0];
  const last = scales[scales.length - 1];
  const header = [
    'operation',
    ...scales.map((s) => `SF calls/op gw @${s}`),
    ...scales.map((s) => `p50 ms gw @${s}`),
    `p50 @${last ?? ''} / @${first ?? ''}`,
    ...scales.map((s) => `SF calls/op base @${s}`),
  ];
  const table = markdownTable([
    header,
    ...rows.map((row) => [
      row.label,
      ...row.gatewayCalls.map(calls),
      ...row.gatewayP50Ms.map(ms),
      growth(row.gatewayP50Ms),
      ...row.baselineCalls.map(calls),
    ]),
  ]);
  const scaleList = scales.join(', ');
  const verdict = callsFlat.met
    ? `MET      gateway Salesforce calls per operation do not grow with the data (same at scales ${scaleList})`
    : `NOT MET  gateway Salesforce calls per operation do not grow with the data: ${
        scales.length < 2
          ? 'fewer than two scales measured'
          : `changed for ${callsFlat.changed.join(', ') || 'no operation measured'}`
      } (scales ${scaleList})`;
  return `${table}\n\n${verdict}`;
}
