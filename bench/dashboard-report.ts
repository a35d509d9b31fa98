import { markdownTable } from './results-table';
import type { DashboardPhase } from './dashboard-scenario';
import { callsTargetMet, DASHBOARD_CALLS_TARGET } from './dashboard-workload';

/** Both phases side by side, the latency by kind of step, stale reads and the target. */
export function formatDashboard(phases: readonly DashboardPhase[]): string {
  const rows = [
    [
      'cache',
      'GraphQL ops',
      'writes',
      'failed',
      'SF calls',
      'SF calls/op',
      'hit ratio',
      'p50 ms',
      'p95 ms',
      'stale reads',
    ],
    ...phases.map((p) => [
      `${p.cache ? 'on' : 'off'}${p.scopes === 'shared' ? ' (1 scope)' : ''}`,
      String(p.operations),
      String(p.writes),
      String(p.failures),
      String(p.salesforceCalls),
      p.callsPerOperation.toFixed(3),
      p.hitRatio === null
        ? '-'
        : `${(p.hitRatio * 100).toFixed(1)} % (${p.lookups.hit}/${p.lookups.hit + p.lookups.miss + p.lookups.bypass})`,
      p.latency?.p50Ms.toFixed(1) ?? '-',
      p.latency?.p95Ms.toFixed(1) ?? '-',
      `${p.stale.length} of ${p.staleChecked}`,
    ]),
  ];
  const lines = [markdownTable(rows), ''];
  for (const p of phases) {
    const kinds = Object.entries(p.byKind)
      .map(([kind, s]) => `${kind} ${s.p50Ms.toFixed(0)}/${s.p95Ms.toFixed(0)} (${s.samples})`)
      .join(', ');
    lines.push(
      `cache ${p.cache ? 'on' : 'off'}${p.scopes === 'shared' ? ' (1 scope)' : ''} p50/p95 ms by step (samples): ${kinds}`,
    );
    if (p.firstError !== null) lines.push(`  first error: ${p.firstError}`);
    const list = (series: Array<[string, number]>) =>
      series.map(([labels, n]) => `${labels.replace(/"/g, '')} ${n}`).join(', ');
    if (p.missesByType.length > 0) lines.push(`  cache misses: ${list(p.missesByType)}`);
    if (p.refills.length > 0)
      lines.push(`  refills (answer vs the last one stored): ${list(p.refills)}`);
    for (const s of p.stale.slice(0, 10)) {
      lines.push(`  STALE: user ${s.user} wrote ${s.wrote} to ${s.recordId}, read ${s.saw}`);
    }
  }
  const on = phases.find((p) => p.cache && p.scopes === 'per-user');
  const shared = phases.find((p) => p.cache && p.scopes === 'shared');
  if (on !== undefined) {
    const met = callsTargetMet(on.callsPerOperation) && on.operations > 0;
    lines.push(
      '',
      `${met ? 'MET    ' : 'NOT MET'}  Salesforce calls per GraphQL operation at steady state, cache on: ${on.callsPerOperation.toFixed(3)} (target ≤${DASHBOARD_CALLS_TARGET})`,
    );
    const unchanged = on.refills
      .filter(([labels]) => labels.includes('outcome="unchanged"'))
      .reduce((sum, [, n]) => sum + n, 0);
    if (on.operations > 0) {
      lines.push(
        `         ${unchanged} of the cache-on misses refilled an answer equal to the one dropped; had a drop spared exactly those, ${((on.salesforceCalls - unchanged) / on.operations).toFixed(3)} calls/op (one call per refill)`,
      );
    }
    if (shared !== undefined && shared.operations > 0) {
      lines.push(
        `         the same workload with one shared scope (AUTH_MODE=demo: every user reads as the integration user): ${shared.callsPerOperation.toFixed(3)} calls/op${callsTargetMet(shared.callsPerOperation) ? ' (within the target)' : ''}`,
      );
    }
    const stale = phases.reduce((sum, p) => sum + p.stale.length, 0);
    lines.push(
      `${stale === 0 ? 'MET    ' : 'NOT MET'}  stale reads after a user's own write: ${stale} (target 0)`,
    );
  }
  return lines.join('\n');
}
