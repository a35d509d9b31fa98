import { parseApiUsage } from '../../observability/salesforce-endpoints';
import type { UpstreamCall } from '../../observability';

/** Salesforce counts API requests over a rolling 24 hours. */
const WINDOW_MS = 24 * 60 * 60 * 1000;

/** Refused by the API budget guard: the allocation is spent, or only essential work may use the reserve. */
export class ApiBudgetExceededError extends Error {
  constructor(
    readonly reason: 'allocation-spent' | 'reserve',
    readonly used: number,
    readonly max: number,
    /** When capacity frees at the latest: 24 h after the oldest call this instance saw counted. */
    readonly freesBy: Date,
  ) {
    super(
      reason === 'allocation-spent'
        ? `Salesforce's daily API allocation is spent (${used}/${max} calls in the rolling 24 hours); the gateway makes no further call. Capacity frees as calls leave the 24-hour window, by ${freesBy.toISOString()} at the latest.`
        : `Salesforce's daily API allocation is nearly spent (${used}/${max}); the rest is reserved for writes, so this read is refused unless the cache answers it. Capacity frees as calls leave the 24-hour window, by ${freesBy.toISOString()} at the latest.`,
    );
    this.name = 'ApiBudgetExceededError';
  }

  get retryAfterSeconds(): number {
    return Math.max(1, Math.ceil((this.freesBy.getTime() - Date.now()) / 1000));
  }
}

export interface ApiBudgetView {
  used: number;
  max: number;
  remaining: number;
  /** Above this many calls used, only essential work (writes, identity, limits) may call. */
  reserveStartsAt: number;
  asOf: Date;
}

/**
 * The org's daily API allocation as Salesforce reports it on every response
 * (`Sforce-Limit-Info: api-usage=USED/MAX`): tracked without an extra call, and checked
 * before each call so a spent allocation fails fast instead of hammering Salesforce.
 */
export class ApiBudget {
  private last: { used: number; max: number; at: number } | undefined;
  /** The oldest moment this instance knows a counted call happened (used > 0 then). */
  private oldestCounted: number | undefined;

  /**
   * @param reservePercent refuse non-essential calls once this share of the allocation is
   *   used (100: never; the allocation itself still stops everything).
   */
  /** When the last refused-state probe was let through. */
  private probedAt = 0;

  constructor(
    private readonly reservePercent: number,
    private readonly now: () => number = Date.now,
    /**
     * While refusing, one call per this period still goes out: Salesforce's window rolls, and
     * only a response says how much it freed. Default 10 s.
     */
    private readonly probeEveryMs = 10_000,
  ) {}

  /** For the Salesforce transport's observer: reads the header of every response. */
  observe(call: UpstreamCall): void {
    const usage = parseApiUsage(call.headers?.['sforce-limit-info']);
    if (usage !== undefined) this.record(usage.used, usage.max);
  }

  /** Salesforce answered REQUEST_LIMIT_EXCEEDED: the allocation is spent whatever the header said. */
  markSpent(): void {
    if (this.last !== undefined) this.record(this.last.max, this.last.max);
  }

  record(used: number, max: number): void {
    const at = this.now();
    if (this.oldestCounted !== undefined && at - this.oldestCounted >= WINDOW_MS) {
      this.oldestCounted = undefined;
    }
    if (used > 0) this.oldestCounted ??= at;
    this.last = { used, max, at };
  }

  view(): ApiBudgetView | undefined {
    if (this.last === undefined) return undefined;
    const { used, max, at } = this.last;
    return {
      used,
      max,
      remaining: Math.max(0, max - used),
      reserveStartsAt: this.reserveStartsAt(max),
      asOf: new Date(at),
    };
  }

  /** Throws ApiBudgetExceededError when a call must not start. */
  admit(essential: boolean): void {
    const last = this.last;
    if (last === undefined) return;
    const freesBy = new Date((this.oldestCounted ?? this.now()) + WINDOW_MS);
    // Past the window everything the header counted has left it; the next answer tells anew.
    if (this.now() - last.at >= WINDOW_MS) return;
    const spent = last.used >= last.max;
    if (!spent && (essential || last.used < this.reserveStartsAt(last.max))) return;
    const now = this.now();
    if (now - Math.max(last.at, this.probedAt) >= this.probeEveryMs) {
      this.probedAt = now;
      return;
    }
    throw new ApiBudgetExceededError(
      spent ? 'allocation-spent' : 'reserve',
      last.used,
      last.max,
      freesBy,
    );
  }

  /** Calls of an allocation of `max` held back for essential work. */
  reserveOf(max: number): number {
    return max - this.reserveStartsAt(max);
  }

  private reserveStartsAt(max: number): number {
    return Math.floor((max * this.reservePercent) / 100);
  }
}
