import {
  cacheLookups,
  counterSeries,
  seriesDelta,
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
  const write = (ledger: StaleReadLedger, user: number, id: string, value: string): void => {
    ledger.begin(user, id, value);
    ledger.end(user, true);
  };

  it('passes a read of the written value and fails any other', () => {
    const ledger = new StaleReadLedger();
    write(ledger, 1, 'a', '10');
    expect(ledger.due(1)).toBe('a');
    expect(ledger.read(1, 'a', '10')).toBe(true);
    expect(ledger.due(1)).toBeUndefined();
    write(ledger, 1, 'a', '11');
    expect(ledger.read(1, 'a', '10')).toBe(false);
    write(ledger, 1, 'a', '12');
    expect(ledger.read(1, 'a', 'seed value')).toBe(false);
    expect(ledger.checked).toBe(3);
    expect(ledger.stale).toEqual([
      { user: 1, recordId: 'a', wrote: '11', saw: '10' },
      { user: 1, recordId: 'a', wrote: '12', saw: 'seed value' },
    ]);
  });

  it("accepts another user's later or overlapping write, not one answered before", () => {
    const ledger = new StaleReadLedger();
    write(ledger, 2, 'a', 'before');
    write(ledger, 1, 'a', 'mine');
    write(ledger, 2, 'a', 'later');
    expect(ledger.read(1, 'a', 'later')).toBe(true);
    // User 3's write is still in flight when user 1 writes and reads: either may land last.
    ledger.begin(3, 'a', 'overlapping');
    write(ledger, 1, 'a', 'again');
    expect(ledger.read(1, 'a', 'overlapping')).toBe(true);
    ledger.end(3, true);
    write(ledger, 1, 'a', 'third');
    expect(ledger.read(1, 'a', 'before')).toBe(false);
    expect(ledger.stale).toEqual([{ user: 1, recordId: 'a', wrote: 'third', saw: 'before' }]);
  });

  it('checks nothing after a failed write, nor reads of other records', () => {
    const ledger = new StaleReadLedger();
    expect(ledger.read(1, 'a', 'x')).toBe(true);
    ledger.begin(1, 'a', '1');
    ledger.end(1, false);
    expect(ledger.due(1)).toBeUndefined();
    write(ledger, 1, 'a', '2');
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

describe('counterSeries / seriesDelta', () => {
  it('subtracts two scrapes per label set, largest change first, unchanged ones left out', () => {
    const before = counterSeries(
      'gateway_cache_refills_total{type="Account",outcome="first"} 3\nother 1',
      'gateway_cache_refills_total',
    );
    const after = counterSeries(
      [
        'gateway_cache_refills_total{type="Account",outcome="first"} 3',
        'gateway_cache_refills_total{type="Account",outcome="changed"} 2',
        'gateway_cache_refills_total{type="search",outcome="unchanged"} 7',
      ].join('\n'),
      'gateway_cache_refills_total',
    );
    expect(seriesDelta(before, after)).toEqual([
      ['type="search",outcome="unchanged"', 7],
      ['type="Account",outcome="changed"', 2],
    ]);
  });
});
