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
  /** `ratio` (default): actual ≥ required, as ×. `maxMs`: actual ≤ required, in milliseconds. */
  kind?: 'ratio' | 'maxMs';
}

/**
 * The nested query's upstream chain: the opportunities page, then one batched child query
 * for the accounts' contacts (it needs the page's account Ids). Nothing else may wait on a call.
 */
export const NESTED_DEPENDENT_CALLS = 2;

/** Issue #13 item 2: what the gateway may add on top of its dependent calls' latency. */
export const NESTED_OVERHEAD_MS = 10;

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

/**
 * Issue #3: the nested query makes ≥100x fewer calls and is ≥10x faster at p50. Issue #13
 * item 2, when calls have a latency: its p50 stays within 10 ms (NESTED_OVERHEAD_MS) of its
 * dependent calls (70 ms at 30 ms per call), i.e. no call waits on another it does not need.
 * At 0 ms per call that target would only measure CPU, so it is not checked there.
 */
export function checkTargets(
  results: readonly OperationResult[],
  run: { latencyMs: number } = { latencyMs: 0 },
): TargetCheck[] {
  const nested = results.find((r) => r.id === 'nestedOpportunities');
  if (!nested) return [];
  const floorMs = NESTED_DEPENDENT_CALLS * run.latencyMs;
  const p50Bound: TargetCheck[] =
    run.latencyMs > 0
      ? [
          {
            description: `nested query: p50 ≤ ${NESTED_DEPENDENT_CALLS} dependent calls × ${run.latencyMs} ms + ${NESTED_OVERHEAD_MS} ms`,
            actual: nested.gateway.latency.p50Ms,
            required: floorMs + NESTED_OVERHEAD_MS,
            met: nested.gateway.latency.p50Ms <= floorMs + NESTED_OVERHEAD_MS,
            kind: 'maxMs',
          },
        ]
      : [];
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
    ...p50Bound,
  ];
}
