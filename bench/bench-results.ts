import type { OperationId } from './bench-operations';
import type { BurstResult } from './load-runner';
import type { LatencySummary } from './latency-stats';

export interface ServerResult {
  /** Emulator API calls over the measured sequential iterations, divided by their number. */
  callsPerOperation: number;
  /**
   * Process CPU (user + system) over the measured sequential iterations, divided by their
   * number: emulator and client included, but unlike latency it does not hide CPU behind
   * the injected network wait, and it moves less with other load on the machine.
   */
  cpuMsPerOperation: number;
  latency: LatencySummary;
  burst: BurstResult;
}

export interface OperationResult {
  id: OperationId;
  label: string;
  gateway: ServerResult;
  baseline: ServerResult;
  /** Baseline calls / gateway calls. */
  callsFewer: number;
  /** Baseline p50 / gateway p50. */
  p50Faster: number;
  /** Both servers answered the operation with the same data (checked once, before timing). */
  sameAnswer: boolean;
}

export interface TargetCheck {
  description: string;
  actual: number;
  required: number;
  met: boolean;
}

export function ratio(baseline: number, gateway: number): number {
  if (gateway === 0) return baseline === 0 ? 1 : Number.POSITIVE_INFINITY;
  return baseline / gateway;
}

export function operationResult(
  op: { id: OperationId; label: string },
  gateway: ServerResult,
  baseline: ServerResult,
  sameAnswer: boolean,
): OperationResult {
  return {
    id: op.id,
    label: op.label,
    gateway,
    baseline,
    callsFewer: ratio(baseline.callsPerOperation, gateway.callsPerOperation),
    p50Faster: ratio(baseline.latency.p50Ms, gateway.latency.p50Ms),
    sameAnswer,
  };
}

/** Issue #3: the nested query makes ≥100x fewer calls and is ≥10x faster at p50. */
export function checkTargets(results: readonly OperationResult[]): TargetCheck[] {
  const nested = results.find((r) => r.id === 'nestedOpportunities');
  if (!nested) return [];
  return [
    {
      description: 'nested query: Salesforce calls ×fewer',
      actual: nested.callsFewer,
      required: 100,
      met: nested.callsFewer >= 100,
    },
    {
      description: 'nested query: p50 ×faster',
      actual: nested.p50Faster,
      required: 10,
      met: nested.p50Faster >= 10,
    },
  ];
}
