export interface CoalescerOptions {
  /** Runs once per burst of `notify()` calls; never two at once. */
  onFlush: (asOf: Date) => Promise<void> | void;
  onError?: (error: unknown) => void;
  /** Quiet time after the last notification before flushing. */
  windowMs?: number;
  /** Upper bound on how long a steady stream of notifications can postpone a flush. */
  maxDelayMs?: number;
  now?: () => number;
}

/**
 * Turns bursts of notifications into few flushes: a flush runs once notifications have been
 * quiet for `windowMs` (or `maxDelayMs` after the first pending one), never two at once, and
 * one more runs afterwards if notifications arrived during a flush. The live core uses it to
 * announce "the pipeline changed" after bursts of Opportunity changes; subscribers then
 * recompute the report as themselves.
 */
export class Coalescer {
  private readonly windowMs: number;
  private readonly maxDelayMs: number;
  private readonly now: () => number;
  private timer: NodeJS.Timeout | undefined;
  private firstPendingAt: number | undefined;
  private running: Promise<void> | undefined;
  private dirtyWhileRunning = false;
  private stopped = false;
  private flushes = 0;

  constructor(private readonly options: CoalescerOptions) {
    this.windowMs = options.windowMs ?? 250;
    this.maxDelayMs = options.maxDelayMs ?? 1_000;
    this.now = options.now ?? Date.now;
  }

  /** Records that something changed. */
  notify(): void {
    if (this.stopped) return;
    if (this.running) {
      this.dirtyWhileRunning = true;
      return;
    }
    const now = this.now();
    this.firstPendingAt ??= now;
    const deadline = this.firstPendingAt + this.maxDelayMs;
    const delay = Math.max(0, Math.min(this.windowMs, deadline - now));
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), delay);
  }

  /** Flushes so far (metrics, tests). */
  get flushCount(): number {
    return this.flushes;
  }

  /** Cancels a pending flush and waits for one in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private flush(): void {
    this.timer = undefined;
    this.firstPendingAt = undefined;
    this.flushes += 1;
    const asOf = new Date(this.now());
    this.running = (async () => {
      try {
        await this.options.onFlush(asOf);
      } catch (error) {
        this.options.onError?.(error);
      }
    })().finally(() => {
      this.running = undefined;
      if (this.dirtyWhileRunning) {
        this.dirtyWhileRunning = false;
        this.notify();
      }
    });
  }
}
