import { leftovers } from '../../helpers/leftovers';
import type { GatewayProcess } from './gateway-process';
import { startHealthzProber, type ProbeReport } from './healthz-prober';
import { mebibytes, residentSetBytes } from './process-memory';
import { reliabilityThresholds } from './thresholds';

export interface Observation {
  /**
   * Stops probing and takes the closing memory sample now: for a scenario that ends the
   * process itself (SIGTERM), just before it does.
   */
  finish(): Promise<void>;
  /** A line for the scenario's printed summary (counts, codes seen). */
  note(text: string): void;
}

export interface ObserveOptions {
  /** The scenario stops the process on purpose: skip the "still alive" check. */
  endsProcess?: boolean;
}

export interface ScenarioReport {
  name: string;
  healthz: ProbeReport;
  rssBeforeBytes: number;
  rssAfterBytes: number;
  durationMs: number;
  notes: string[];
}

async function healthzAnswers(origin: string): Promise<boolean> {
  try {
    const response = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(2_000) });
    return response.status === 200;
  } catch {
    return false;
  }
}

function printReport(report: ScenarioReport): void {
  const { healthz } = report;
  const growth = report.rssAfterBytes - report.rssBeforeBytes;
  const lines = [
    `[reliability] ${report.name} (${(report.durationMs / 1000).toFixed(1)} s)`,
    `    /healthz: ${healthz.probes} probes, ${healthz.failures} failed, max ${healthz.maxMs.toFixed(1)} ms`,
    `    gateway RSS: ${mebibytes(report.rssBeforeBytes)} -> ${mebibytes(report.rssAfterBytes)} (${growth >= 0 ? '+' : ''}${mebibytes(growth)})`,
    ...report.notes.map((note) => `    ${note}`),
  ];
  // Straight to the terminal, not through jest's console capture: this is the run's output.
  process.stdout.write(`${lines.join('\n')}\n`);
}

/**
 * Runs one scenario against a gateway process while a second thread probes `/healthz` every
 * ~50 ms, then asserts what every scenario promises: the process is still alive and
 * answering, no probe failed, the slowest probe stayed under RELIABILITY_HEALTHZ_MAX_MS, and
 * the resident set grew less than RELIABILITY_RSS_GROWTH_MAX_MB. Prints what it measured.
 */
export async function underObservation<T>(
  name: string,
  gateway: GatewayProcess,
  scenario: (observation: Observation) => Promise<T>,
  options: ObserveOptions = {},
): Promise<T> {
  const thresholds = reliabilityThresholds();
  const started = Date.now();
  const rssBeforeBytes = residentSetBytes(gateway.pid);
  const prober = await startHealthzProber(gateway.origin);
  leftovers.push(() => prober.stop());
  const notes: string[] = [];
  let finished: Promise<{ healthz: ProbeReport; rssAfterBytes: number }> | undefined;
  const finish = (): Promise<{ healthz: ProbeReport; rssAfterBytes: number }> => {
    finished ??= (async () => {
      // A process that died has no /proc entry; the "alive" check below reports it.
      const rssAfterBytes = gateway.alive() ? residentSetBytes(gateway.pid) : Number.NaN;
      return { healthz: await prober.stop(), rssAfterBytes };
    })();
    return finished;
  };
  const observation: Observation = {
    finish: async () => {
      await finish();
    },
    note: (text) => notes.push(text),
  };

  let outcome: { value: T } | { error: unknown };
  try {
    outcome = { value: await scenario(observation) };
  } catch (error) {
    outcome = { error };
  }
  const { healthz, rssAfterBytes } = await finish();
  const alive = options.endsProcess ? true : gateway.alive();
  const answering = options.endsProcess ? true : await healthzAnswers(gateway.origin);
  printReport({
    name,
    healthz,
    rssBeforeBytes,
    rssAfterBytes,
    durationMs: Date.now() - started,
    notes: 'error' in outcome ? [...notes, 'FAILED (see the assertion below)'] : notes,
  });
  if ('error' in outcome) throw outcome.error;

  expect({ alive, answering }).toEqual({ alive: true, answering: true });
  expect({ failures: healthz.failures, samples: healthz.failureSamples }).toEqual({
    failures: 0,
    samples: [],
  });
  expect(healthz.probes).toBeGreaterThan(0);
  expect(healthz.maxMs).toBeLessThan(thresholds.healthzMaxMs);
  expect(rssAfterBytes - rssBeforeBytes).toBeLessThan(thresholds.rssGrowthMaxBytes);
  return outcome.value;
}
