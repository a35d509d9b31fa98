import {
  cacheLookups,
  callsTargetMet,
  DASHBOARD_READS,
  hitRatio,
  lookupDelta,
  pickStep,
  planSteps,
  seededRandom,
  StaleReadLedger,
} from './dashboard-workload';

describe('the dashboard workload mix', () => {
  it('writes for draws under the write share, alternating opportunities and accounts', () => {
    expect(pickStep(0, 0.05)).toBe('updateOpportunity');
    expect(pickStep(0.03, 0.05)).toBe('updateAccount');
    expect(pickStep(0.05, 0.05)).toBe('list');
    expect(pickStep(0.999_999, 0.05)).toBe('search');
    expect(pickStep(0, 0)).toBe('list');
  });

  it('plans about 5 % writes and every read kind, the same plan for the same seed', () => {
    const plan = planSteps(7, 20_000, 0.05);
    const writes = plan.filter((s) => s === 'updateOpportunity' || s === 'updateAccount').length;
    expect(writes / plan.length).toBeGreaterThan(0.045);
    expect(writes / plan.length).toBeLessThan(0.055);
    for (const read of DASHBOARD_READS) expect(plan).toContain(read);
    expect(planSteps(7, 50, 0.05)).toEqual(plan.slice(0, 50));
    expect(planSteps(8, 50, 0.05)).not.toEqual(plan.slice(0, 50));
  });

  it('draws in [0, 1)', () => {
    const random = seededRandom(1);
    for (let i = 0; i < 1000; i += 1) {
      const draw = random();
      expect(draw).toBeGreaterThanOrEqual(0);
      expect(draw).toBeLessThan(1);
    }
  });
});

describe('StaleReadLedger', () => {
  it('passes a read of the written value and fails any other', () => {
    const ledger = new StaleReadLedger();
    ledger.wrote(1, 'a', '10');
    expect(ledger.due(1)).toBe('a');
    expect(ledger.read(1, 'a', '10')).toBe(true);
    expect(ledger.due(1)).toBeUndefined();
    ledger.wrote(1, 'a', '11');
    expect(ledger.read(1, 'a', '10')).toBe(false);
    expect(ledger.checked).toBe(2);
    expect(ledger.stale).toEqual([{ user: 1, recordId: 'a', wrote: '11', saw: '10' }]);
  });

  it("accepts another user's later write to the same record, not an earlier one", () => {
    const ledger = new StaleReadLedger();
    ledger.wrote(2, 'a', 'old');
    ledger.wrote(1, 'a', 'mine');
    ledger.wrote(2, 'a', 'later');
    expect(ledger.read(1, 'a', 'later')).toBe(true);
    ledger.wrote(1, 'a', 'again');
    expect(ledger.read(1, 'a', 'old')).toBe(false);
    expect(ledger.stale).toHaveLength(1);
  });

  it('ignores reads of records the user did not just write', () => {
    const ledger = new StaleReadLedger();
    expect(ledger.read(1, 'a', 'x')).toBe(true);
    ledger.wrote(1, 'a', '1');
    expect(ledger.read(1, 'b', 'x')).toBe(true);
    expect(ledger.checked).toBe(0);
    expect(ledger.due(1)).toBe('a');
  });
});

describe('cache lookups from /metrics', () => {
  const text = [
    '# HELP gateway_cache_lookups_total Cross-request cache lookups',
    '# TYPE gateway_cache_lookups_total counter',
    'gateway_cache_lookups_total{type="Account",result="hit"} 30',
    'gateway_cache_lookups_total{type="Opportunity",result="hit"} 15',
    'gateway_cache_lookups_total{type="Account",result="miss"} 5',
    'gateway_cache_lookups_total{type="*",result="bypass"} 0',
    'gateway_cache_invalidations_total{type="Account",reason="write"} 4',
  ].join('\n');

  it('sums hits, misses and bypasses over every type', () => {
    expect(cacheLookups(text)).toEqual({ hit: 45, miss: 5, bypass: 0 });
    expect(cacheLookups('')).toEqual({ hit: 0, miss: 0, bypass: 0 });
  });

  it('gives the ratio of a window and none when nothing was looked up', () => {
    const window = lookupDelta({ hit: 5, miss: 5, bypass: 0 }, cacheLookups(text));
    expect(window).toEqual({ hit: 40, miss: 0, bypass: 0 });
    expect(hitRatio(window)).toBe(1);
    expect(hitRatio({ hit: 1, miss: 3, bypass: 0 })).toBe(0.25);
    expect(hitRatio({ hit: 0, miss: 0, bypass: 0 })).toBeNull();
  });

  it('meets the target at 0.2 calls per operation and not above', () => {
    expect(callsTargetMet(0.2)).toBe(true);
    expect(callsTargetMet(0.21)).toBe(false);
  });
});
