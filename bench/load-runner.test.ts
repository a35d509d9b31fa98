import { runBurst, runSequential } from './load-runner';

const tick = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('runSequential', () => {
  it('runs warm-ups unmeasured, then one sample per iteration, never overlapping', async () => {
    let running = 0;
    let maxRunning = 0;
    let calls = 0;
    const samples = await runSequential(
      async () => {
        calls += 1;
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        await tick(5);
        running -= 1;
      },
      { warmup: 2, iterations: 3 },
    );
    expect(calls).toBe(5);
    expect(samples).toHaveLength(3);
    expect(maxRunning).toBe(1);
    expect(samples.every((ms) => ms >= 4)).toBe(true);
  });

  it('fails on the first failing operation', async () => {
    await expect(
      runSequential(() => Promise.reject(new Error('boom')), { warmup: 0, iterations: 2 }),
    ).rejects.toThrow('boom');
  });
});

describe('runBurst', () => {
  it('keeps at most `concurrency` in flight and stops at the operation cap', async () => {
    let running = 0;
    let maxRunning = 0;
    const result = await runBurst(
      async () => {
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        await tick(2);
        running -= 1;
      },
      { durationMs: 10_000, concurrency: 3, maxOperations: 10 },
    );
    expect(result.completed).toBe(10);
    expect(maxRunning).toBe(3);
    expect(running).toBe(0);
    expect(result.throughput).toBeGreaterThan(0);
    expect(result.elapsedMs).toBeLessThan(5_000);
  });

  it('stops starting operations at the deadline and counts failures', async () => {
    let n = 0;
    const result = await runBurst(
      async () => {
        n += 1;
        await tick(10);
        if (n % 2 === 0) throw new Error(`failure ${n}`);
      },
      { durationMs: 50, concurrency: 2, maxOperations: 1_000 },
    );
    expect(result.completed + result.failed).toBe(n);
    expect(n).toBeLessThan(40);
    expect(result.failed).toBeGreaterThan(0);
    expect(result.firstError).toMatch(/^failure \d+$/);
  });
});
