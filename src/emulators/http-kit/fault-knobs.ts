/** The fault knobs every emulator has; each service decides what a fault looks like on the wire. */
export interface CommonFaults {
  /** Replaces the configured per-call latency. */
  latencyMs?: number;
  /** The next N API calls answer the service's 5xx. */
  serverUnavailable?: number;
  /** The next N API calls answer the service's 429. */
  rateLimited?: number;
  /** The `Retry-After` of those 429s. */
  retryAfterSeconds?: number;
}

export interface FaultKnobDefaults {
  latencyMs: number;
  /** Where the service has the knob (absent: its 429s carry no configurable `Retry-After`). */
  retryAfterSeconds?: number;
}

/**
 * The state behind the common knobs: latency, the 5xx and 429 bursts (each consumed one call
 * at a time, in the order the service checks them) and the 429s' `Retry-After`.
 */
export class FaultKnobs {
  private latency: number;
  private unavailable = 0;
  private limited = 0;
  private retryAfter: number;

  constructor(private readonly defaults: FaultKnobDefaults) {
    this.latency = defaults.latencyMs;
    this.retryAfter = defaults.retryAfterSeconds ?? 0;
  }

  apply(faults: CommonFaults): void {
    if (faults.latencyMs !== undefined) this.latency = faults.latencyMs;
    if (faults.serverUnavailable !== undefined) this.unavailable = faults.serverUnavailable;
    if (faults.rateLimited !== undefined) this.limited = faults.rateLimited;
    if (faults.retryAfterSeconds !== undefined) this.retryAfter = faults.retryAfterSeconds;
  }

  /** True (and one fewer pending) while a 5xx burst lasts. */
  takeServerUnavailable(): boolean {
    if (this.unavailable <= 0) return false;
    this.unavailable -= 1;
    return true;
  }

  /** True (and one fewer pending) while a 429 burst lasts. */
  takeRateLimited(): boolean {
    if (this.limited <= 0) return false;
    this.limited -= 1;
    return true;
  }

  latencyMs(): number {
    return this.latency;
  }

  retryAfterSeconds(): number {
    return this.retryAfter;
  }

  pendingServerUnavailable(): number {
    return this.unavailable;
  }

  pendingRateLimited(): number {
    return this.limited;
  }

  /** Back to the configured latency, no bursts, the default `Retry-After`. */
  reset(): void {
    this.latency = this.defaults.latencyMs;
    this.unavailable = 0;
    this.limited = 0;
    this.retryAfter = this.defaults.retryAfterSeconds ?? 0;
  }
}
