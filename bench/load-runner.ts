import { performance } from 'node:perf_hooks';

export type Operation = () => Promise<unknown>;

/** Runs `operation` one after another; answers each measured duration in ms. */
export async function runSequential(
  operation: Operation,
  options: { warmup: number; iterations: number },
): Promise<number[]> {
  for (let i = 0; i < options.warmup; i += 1) await operation();
  const samples: number[] = [];
  for (let i = 0; i < options.iterations; i += 1) {
    const start = performance.now();
    await operation();
    samples.push(performance.now() - start);
  }
  return samples;
}

export interface BurstOptions {
  durationMs: number;
  concurrency: number;
  /** No new operation starts after this many, even inside the duration. */
  maxOperations: number;
}

export interface BurstResult {
  completed: number;
  failed: number;
  firstError: string | undefined;
  /** From the first start to the last completion, in-flight work included. */
  elapsedMs: number;
  /** Completed operations per second. */
  throughput: number;
}

/**
 * A bounded promise pool: `concurrency` workers start operations until the duration or the
 * operation cap runs out, then every in-flight operation is awaited so none leaks past.
 */
export async function runBurst(operation: Operation, options: BurstOptions): Promise<BurstResult> {
  const start = performance.now();
  const deadline = start + options.durationMs;
  let started = 0;
  let completed = 0;
  let failed = 0;
  let firstError: string | undefined;

  async function worker(): Promise<void> {
    while (started < options.maxOperations && performance.now() < deadline) {
      started += 1;
      try {
        await operation();
        completed += 1;
      } catch (err) {
        failed += 1;
        firstError ??= err instanceof Error ? err.message : String(err);
      }
    }
  }

  await Promise.all(Array.from({ length: options.concurrency }, () => worker()));
  const elapsedMs = performance.now() - start;
  return {
    completed,
    failed,
    firstError,
    elapsedMs,
    throughput: elapsedMs > 0 ? (completed * 1000) / elapsedMs : 0,
  };
}
