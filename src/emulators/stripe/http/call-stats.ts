import { FaultKnobs } from '../../http-kit/fault-knobs';

export interface StripeEmulatorStats {
  /** API calls served (admin requests and refused calls are not API calls). */
  total: number;
  byEndpoint: Record<string, number>;
  /** Calls answered by an injected fault or an auth failure instead of being served. */
  rejected: { unauthorized: number; rateLimited: number; serverUnavailable: number };
  /**
   * The most API calls being served at the same moment since the last reset: with a latency
   * set, whether a client sent its calls side by side or one after another.
   */
  maxInFlight: number;
}

export interface FaultSettings {
  /** Added before every API call is answered. */
  latencyMs?: number;
  /** The next N API calls answer 503 api_error. */
  serverUnavailable?: number;
  /** The next N API calls answer 429 rate_limit. */
  rateLimited?: number;
}

export type Admission = 'ok' | 'rate-limited' | 'server-unavailable';

/** The emulator's call counters and the injected faults other than `offline`. */
export class CallStats {
  private total = 0;
  private byEndpoint = new Map<string, number>();
  private rejected = { unauthorized: 0, rateLimited: 0, serverUnavailable: 0 };
  private inFlight = 0;
  private maxInFlight = 0;
  private readonly knobs: FaultKnobs;

  constructor(defaultLatencyMs: number) {
    this.knobs = new FaultKnobs({ latencyMs: defaultLatencyMs });
  }

  /** Whether an authenticated call runs; each burst is used up one call at a time. */
  admit(): Admission {
    if (this.knobs.takeRateLimited()) {
      this.rejected.rateLimited += 1;
      return 'rate-limited';
    }
    if (this.knobs.takeServerUnavailable()) {
      this.rejected.serverUnavailable += 1;
      return 'server-unavailable';
    }
    return 'ok';
  }

  unauthorized(): void {
    this.rejected.unauthorized += 1;
  }

  record(endpoint: string): void {
    this.total += 1;
    this.byEndpoint.set(endpoint, (this.byEndpoint.get(endpoint) ?? 0) + 1);
  }

  latencyMs(): number {
    return this.knobs.latencyMs();
  }

  /** Runs one served call's work, counting it as in flight meanwhile. */
  async serving<T>(work: () => Promise<T>): Promise<T> {
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      return await work();
    } finally {
      this.inFlight -= 1;
    }
  }

  applyFaults(faults: FaultSettings): void {
    this.knobs.apply(faults);
  }

  pending(): { serverUnavailable: number; rateLimited: number; latencyMs: number } {
    return {
      serverUnavailable: this.knobs.pendingServerUnavailable(),
      rateLimited: this.knobs.pendingRateLimited(),
      latencyMs: this.knobs.latencyMs(),
    };
  }

  stats(): StripeEmulatorStats {
    return {
      total: this.total,
      byEndpoint: Object.fromEntries(this.byEndpoint),
      rejected: { ...this.rejected },
      maxInFlight: this.maxInFlight,
    };
  }

  resetStats(): void {
    this.total = 0;
    this.byEndpoint = new Map();
    this.rejected = { unauthorized: 0, rateLimited: 0, serverUnavailable: 0 };
    this.maxInFlight = this.inFlight;
  }

  /** Counters and faults back to the start. */
  resetAll(): void {
    this.resetStats();
    this.knobs.reset();
  }
}
