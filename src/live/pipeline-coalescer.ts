export interface PipelineCoalescerOptions<R> {
  /** The aggregate SOQL behind `pipeline`; called at most once at a time. */
  computePipeline: () => Promise<R>;
  /** Receives each recomputed report (publish it on the pipeline topic). */
  onReport: (report: R, asOf: Date) => Promise<void> | void;
  onError?: (error: unknown) => void;
  /** Quiet time after the last change before recomputing. */
  windowMs?: number;
  /** Upper bound on how long a steady stream of changes can postpone a recompute. */
  maxDelayMs?: number;
  now?: () => number;
}

/**
 * Turns bursts of Opportunity changes into few pipeline recomputes: a recompute runs once
 * changes have been quiet for `windowMs` (or `maxDelayMs` after the first pending change),
 * never two at once, and one more runs afterwards if changes arrived during a recompute.
 */
export class PipelineCoalescer<R> {
  private readonly windowMs: number;
  private readonly maxDelayMs: number;
  private readonly now: () => number;
  private timer: NodeJS.Timeout | undefined;
  private firstPendingAt: number | undefined;
  private running: Promise<void> | undefined;
  private dirtyWhileRunning = false;
  private stopped = false;
  private runs = 0;

  constructor(private readonly options: PipelineCoalescerOptions<R>) {
    this.windowMs = options.windowMs ?? 250;
    this.maxDelayMs = options.maxDelayMs ?? 1_000;
    this.now = options.now ?? Date.now;
  }

  /** Records that the pipeline may have changed. */
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
    this.timer = setTimeout(() => this.run(), delay);
  }

  /** Recomputes so far (metrics, tests). */
  get recomputeCount(): number {
    return this.runs;
  }

  /** Cancels a pending recompute and waits for one in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private run(): void {
    this.timer = undefined;
    this.firstPendingAt = undefined;
    this.runs += 1;
    const asOf = new Date(this.now());
    this.running = (async () => {
      try {
        const report = await this.options.computePipeline();
        await this.options.onReport(report, asOf);
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
