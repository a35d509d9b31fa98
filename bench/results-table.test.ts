import {
  checkCpuTargets,
  checkTargets,
  operationResult,
  ratio,
  type ServerResult,
} from './bench-results';
import { formatCpuTable, formatResultsTable, formatTargets } from './results-table';

function server(calls: number, p50: number, throughput: number): ServerResult {
  return {
    callsPerOperation: calls,
    cpuMsPerOperation: p50 / 4,
    latency: { samples: 5, p50Ms: p50, p95Ms: p50 * 2, meanMs: p50, maxMs: p50 * 3 },
    burst: { completed: 10, failed: 0, firstError: undefined, elapsedMs: 1000, throughput },
  };
}

const nested = operationResult(
  { id: 'nestedOpportunities', label: '200 opps nested' },
  server(2, 100, 8),
  server(586, 1500, 1),
  true,
);

describe('bench results', () => {
  it('computes the ratios baseline / gateway', () => {
    expect(nested.callsFewer).toBe(293);
    expect(nested.p50Faster).toBe(15);
    expect(ratio(5, 0)).toBe(Number.POSITIVE_INFINITY);
    expect(ratio(0, 0)).toBe(1);
  });

  it('checks the nested-query targets, met and not met', () => {
    expect(checkTargets([nested]).map((t) => t.met)).toEqual([true, true]);
    const slow = operationResult(nested, server(10, 100, 8), server(586, 900, 1), true);
    const checks = checkTargets([slow]);
    expect(checks.map((t) => t.met)).toEqual([false, false]);
    expect(formatTargets(checks)).toContain(
      'NOT MET  nested query: Salesforce calls ×fewer: 58.6x',
    );
    expect(checkTargets([])).toEqual([]);
  });

  it('bounds the nested p50 by its two dependent calls plus 10 ms when calls have a latency', () => {
    // server(…, p50) above: the gateway's p50 is 100 ms.
    expect(checkTargets([nested])).toHaveLength(2);
    expect(checkTargets([nested], { latencyMs: 0 })).toHaveLength(2);
    const at45 = checkTargets([nested], { latencyMs: 45 });
    expect(at45[2]).toMatchObject({
      actual: 100,
      required: 100,
      met: true,
      comparison: 'atMost',
      unit: 'ms',
    });
    const at30 = checkTargets([nested], { latencyMs: 30 });
    expect(at30[2]).toMatchObject({ actual: 100, required: 70, met: false });
    expect(formatTargets(at30)).toContain(
      'NOT MET  nested query: p50 ≤ 2 dependent calls × 30 ms + 10 ms: 100.0 ms (target ≤70 ms)',
    );
    const fast = operationResult(nested, server(2, 65, 8), server(586, 900, 1), true);
    expect(formatTargets(checkTargets([fast], { latencyMs: 30 }))).toContain(
      'MET      nested query: p50 ≤ 2 dependent calls × 30 ms + 10 ms: 65.0 ms (target ≤70 ms)',
    );
  });

  it('prints one markdown row per operation with aligned columns', () => {
    const page = operationResult(
      { id: 'accountsPage', label: '50 accounts (1 page)' },
      server(1, 40, 70),
      server(1, 40, 75),
      true,
    );
    const lines = formatResultsTable([page, nested]).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^\| operation +\| SF calls\/op gw \|/);
    expect(lines[1]).toMatch(/^\|-+\|-+:\|/);
    expect(lines[3]?.split('|').map((c) => c.trim())).toEqual([
      '',
      '200 opps nested',
      '2',
      '586',
      '293x',
      '100.0',
      '1500.0',
      '15.0x',
      '200.0',
      '3000.0',
      '25.0',
      '375.0',
      '8.0',
      '1.0',
      '',
    ]);
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
  });

  it('shows - for req/s when no burst ran', () => {
    const idle = server(1, 40, 0);
    idle.burst = { ...idle.burst, completed: 0 };
    const page = operationResult({ id: 'accountsPage', label: 'page' }, idle, idle, true);
    const cells = formatResultsTable([page])
      .split('\n')[2]
      ?.split('|')
      .map((c) => c.trim());
    expect(cells?.slice(-3)).toEqual(['-', '-', '']);
  });
});

describe('own CPU targets', () => {
  const cpu = (ms: number): ServerResult => ({ ...server(1, 40, 70), cpuMsPerOperation: ms });

  it('checks the page against 1.3× the floor and every operation against the baseline', () => {
    const page = operationResult({ id: 'accountsPage', label: 'page' }, cpu(2), cpu(5), true, {
      result: cpu(1.6),
      sameAnswer: true,
    });
    const walk = operationResult({ id: 'tenPageWalk', label: 'walk' }, cpu(9), cpu(8), true);
    const checks = checkCpuTargets([page, walk]);
    expect(checks.map((c) => [c.description, c.met])).toEqual([
      ["page: gateway CPU ms/op ÷ floor's", true],
      ["page: gateway CPU ms/op ÷ baseline's", true],
      ["walk: gateway CPU ms/op ÷ baseline's", false],
    ]);
    expect(formatTargets(checks)).toContain(
      "NOT MET  walk: gateway CPU ms/op ÷ baseline's: 1.13x (target ≤1x)",
    );
    expect(formatCpuTable([page, walk]).split('\n')[3]).toMatch(/\| +- \|/);
  });
});
