import { BenchOptionsError, readBenchOptions } from './bench-options';

describe('readBenchOptions', () => {
  it('defaults to 30 ms, 20 iterations, scale 1 and half the baseline nested iterations', () => {
    const options = readBenchOptions({});
    expect(options).toMatchObject({
      latencyMs: 30,
      iterations: 20,
      baselineNestedIterations: 10,
      scale: 1,
      scales: [1],
      burstSeconds: 10,
      concurrency: 8,
      primeRounds: 3,
      resultsPath: 'bench/results/latest.json',
      scenarios: ['core', 'linked', 'dashboard'],
      dashboard: { users: 50, warmupSteps: 6, steps: 20, measureSeconds: 15, writeShare: 0.05 },
    });
  });

  it('reads the dashboard scenario and its BENCH_DASHBOARD_* knobs', () => {
    const options = readBenchOptions({
      BENCH_SCENARIOS: 'dashboard',
      BENCH_DASHBOARD_USERS: '10',
      BENCH_DASHBOARD_WRITE_SHARE: '0.1',
    });
    expect(options.scenarios).toEqual(['dashboard']);
    expect(options.dashboard).toMatchObject({ users: 10, writeShare: 0.1 });
    expect(() => readBenchOptions({ BENCH_DASHBOARD_WARMUP: '1' })).toThrow(
      'BENCH_DASHBOARD_WARMUP must be an integer between 2 and 1000, got "1"',
    );
  });

  it('reads BENCH_SCENARIOS as a comma-separated list, in the bench order', () => {
    expect(readBenchOptions({ BENCH_SCENARIOS: 'linked' }).scenarios).toEqual(['linked']);
    expect(readBenchOptions({ BENCH_SCENARIOS: ' Linked, core ' }).scenarios).toEqual([
      'core',
      'linked',
    ]);
    expect(readBenchOptions({ BENCH_SCENARIOS: '' }).scenarios).toEqual([
      'core',
      'linked',
      'dashboard',
    ]);
  });

  it.each(['subscriptions', 'linked,nope', ','])('rejects BENCH_SCENARIOS=%s', (value) => {
    expect(() => readBenchOptions({ BENCH_SCENARIOS: value })).toThrow(
      'BENCH_SCENARIOS must list some of core, linked, dashboard',
    );
  });

  it('reads BENCH_LATENCY_MS, BENCH_ITERATIONS and BENCH_SCALE', () => {
    const options = readBenchOptions({
      BENCH_LATENCY_MS: '5',
      BENCH_ITERATIONS: '3',
      BENCH_SCALE: '2',
      BENCH_BURST_SECONDS: '',
      BENCH_PRIME: '0',
    });
    expect(options.latencyMs).toBe(5);
    expect(options.iterations).toBe(3);
    expect(options.baselineNestedIterations).toBe(2);
    expect(options.scale).toBe(2);
    expect(options.burstSeconds).toBe(10);
    expect(options.primeRounds).toBe(0);
  });

  it.each([
    ['BENCH_ITERATIONS', '0'],
    ['BENCH_ITERATIONS', '2.5'],
    ['BENCH_LATENCY_MS', '-1'],
    ['BENCH_SCALE', 'lots'],
    ['BENCH_CONCURRENCY', '1000'],
    ['BENCH_PRIME', '-2'],
  ])('rejects %s=%s with the variable named', (name, value) => {
    expect(() => readBenchOptions({ [name]: value })).toThrow(BenchOptionsError);
    expect(() => readBenchOptions({ [name]: value })).toThrow(name);
  });

  it('reads BENCH_SCALE=1,10 as the scales to compare, the first being the scale', () => {
    expect(readBenchOptions({ BENCH_SCALE: '1,10' })).toMatchObject({ scale: 1, scales: [1, 10] });
    expect(readBenchOptions({ BENCH_SCALE: ' 10 , 0.5 ' })).toMatchObject({
      scale: 10,
      scales: [10, 0.5],
    });
    expect(readBenchOptions({ BENCH_SCALE: '10' })).toMatchObject({ scale: 10, scales: [10] });
  });

  it.each([
    ['1,lots', 'BENCH_SCALE must be a number between 0.1 and 20, got "lots"'],
    ['1,30', 'BENCH_SCALE must be a number between 0.1 and 20, got "30"'],
    [
      '1,,10',
      'BENCH_SCALE must be a scale or distinct comma-separated scales (e.g. 1,10), got "1,,10"',
    ],
    [
      '1,10,1',
      'BENCH_SCALE must be a scale or distinct comma-separated scales (e.g. 1,10), got "1,10,1"',
    ],
    ['1,2,3,4,5', 'BENCH_SCALE lists at most 4 scales, got 5 in "1,2,3,4,5"'],
  ])('rejects BENCH_SCALE=%s', (value, message) => {
    expect(() => readBenchOptions({ BENCH_SCALE: value })).toThrow(BenchOptionsError);
    expect(() => readBenchOptions({ BENCH_SCALE: value })).toThrow(message);
  });
});
