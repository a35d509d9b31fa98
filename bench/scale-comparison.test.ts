import { operationResult, type OperationResult, type ServerResult } from './bench-results';
import { compareScales, formatScaleComparison } from './scale-comparison';

function server(calls: number, p50: number): ServerResult {
  return {
    callsPerOperation: calls,
    cpuMsPerOperation: 1,
    latency: { samples: 5, p50Ms: p50, p95Ms: p50, meanMs: p50, maxMs: p50 },
    burst: { completed: 0, failed: 0, firstError: undefined, elapsedMs: 0, throughput: 0 },
  };
}

function results(nestedCalls: number, p50: number, baselineNested: number): OperationResult[] {
  return [
    operationResult(
      { id: 'accountsPage', label: '50 accounts (1 page)' },
      server(1, 35),
      server(1, 36),
      true,
    ),
    operationResult(
      { id: 'nestedOpportunities', label: '200 opps nested' },
      server(nestedCalls, p50),
      server(baselineNested, 450),
      true,
    ),
  ];
}

describe('compareScales', () => {
  it('is MET when every operation makes the same calls at every scale, whatever p50 does', () => {
    const comparison = compareScales([
      { scale: 1, results: results(2, 84, 586) },
      { scale: 10, results: results(2, 120, 600) },
    ]);
    expect(comparison.scales).toEqual([1, 10]);
    expect(comparison.rows[1]).toEqual({
      id: 'nestedOpportunities',
      label: '200 opps nested',
      gatewayCalls: [2, 2],
      gatewayP50Ms: [84, 120],
      baselineCalls: [586, 600],
    });
    expect(comparison.callsFlat).toEqual({ met: true, changed: [] });
  });

  it('is NOT MET and names the operation when the gateway calls grow with the data', () => {
    const comparison = compareScales([
      { scale: 1, results: results(2, 84, 586) },
      { scale: 10, results: results(11, 84, 586) },
    ]);
    expect(comparison.callsFlat).toEqual({ met: false, changed: ['200 opps nested'] });
    expect(formatScaleComparison(comparison)).toContain(
      'NOT MET  gateway Salesforce calls per operation do not grow with the data: changed for 200 opps nested (scales 1, 10)',
    );
  });

  it('is NOT MET with one scale, or when an operation was not measured at every scale', () => {
    expect(compareScales([{ scale: 1, results: results(2, 84, 586) }]).callsFlat.met).toBe(false);
    const missing = compareScales([
      { scale: 1, results: results(2, 84, 586) },
      { scale: 10, results: results(2, 84, 586).slice(0, 1) },
    ]);
    expect(missing.callsFlat).toEqual({ met: false, changed: ['200 opps nested'] });
    expect(missing.rows[1]?.gatewayCalls[1]).toBeNaN();
  });

  it('prints calls and p50 per scale, the p50 growth, and the MET line', () => {
    const text = formatScaleComparison(
      compareScales([
        { scale: 1, results: results(2, 80, 586) },
        { scale: 10, results: results(2, 120, 590) },
      ]),
    );
    const [table, verdict] = text.split('\n\n');
    const lines = table?.split('\n') ?? [];
    expect(lines[0]?.split('|').map((c) => c.trim())).toEqual([
      '',
      'operation',
      'SF calls/op gw @1',
      'SF calls/op gw @10',
      'p50 ms gw @1',
      'p50 ms gw @10',
      'p50 @10 / @1',
      'SF calls/op base @1',
      'SF calls/op base @10',
      '',
    ]);
    expect(lines[3]?.split('|').map((c) => c.trim())).toEqual([
      '',
      '200 opps nested',
      '2',
      '2',
      '80.0',
      '120.0',
      '1.50x',
      '586',
      '590',
      '',
    ]);
    expect(verdict).toBe(
      'MET      gateway Salesforce calls per operation do not grow with the data (same at scales 1, 10)',
    );
  });
});
