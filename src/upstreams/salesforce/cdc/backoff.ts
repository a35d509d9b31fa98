export interface BackoffOptions {
  initialMs?: number;
  maxMs?: number;
  /** 0..1; tests pass a constant to make delays exact. */
  random?: () => number;
}

/** Capped exponential backoff with jitter: attempt 0 → ~initialMs, doubling up to maxMs. */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const initial = options.initialMs ?? 500;
  const max = options.maxMs ?? 30_000;
  const ceiling = Math.min(max, initial * 2 ** Math.min(attempt, 30));
  // Jitter spreads the reconnects of many instances after an org-wide outage.
  const jitter = 0.5 + (options.random ?? Math.random)() / 2;
  return Math.round(ceiling * jitter);
}
