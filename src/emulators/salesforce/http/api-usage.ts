import { FaultKnobs } from '../../http-kit/fault-knobs';

export interface EmulatorStats {
  /** API calls served (REST and SOAP; OAuth and admin endpoints are not API calls). */
  total: number;
  byEndpoint: Record<string, number>;
  /** Keyed by username. */
  byUser: Record<string, number>;
  limit: { used: number; max: number };
  /** Token endpoint requests keyed by grant_type (not API calls; tests count refreshes). */
  oauth: Record<string, number>;
  /**
   * REST API calls being served right now (admitted, answer not yet computed: the injected
   * latency included), and the most served at once since the last reset. Tests read `peak`
   * to see that calls meant to go out together overlapped, without timing anything.
   */
  concurrency: { inFlight: number; peak: number };
}

export interface FaultSettings {
  /** The next N API calls answer 503 SERVER_UNAVAILABLE. */
  serverUnavailable?: number;
  /** Every access token dies now (handled by the session store). */
  expireSessions?: boolean;
  /** The daily allowance is used up now. */
  exhaustLimit?: boolean;
  /** Replaces the configured per-call latency. */
  latencyMs?: number;
}

export type Admission = 'ok' | 'server-unavailable' | 'limit-exceeded';

export interface ApiUsageOptions {
  dailyApiLimit: number;
  latencyMs: number;
  clock: () => Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The org's daily API allowance, the emulator's call statistics and the injected faults. */
export class ApiUsage {
  private used = 0;
  private windowStart: number;
  private readonly knobs: FaultKnobs;
  private total = 0;
  private byEndpoint = new Map<string, number>();
  private byUser = new Map<string, number>();
  private oauthGrants = new Map<string, number>();
  private inFlight = 0;
  private peakInFlight = 0;

  constructor(private readonly options: ApiUsageOptions) {
    this.windowStart = options.clock().getTime();
    this.knobs = new FaultKnobs({ latencyMs: options.latencyMs });
  }

  /** Decides whether an API call runs; a 503 burst is consumed one call at a time. */
  admit(): Admission {
    this.rollWindow();
    if (this.knobs.takeServerUnavailable()) return 'server-unavailable';
    if (this.used >= this.options.dailyApiLimit) return 'limit-exceeded';
    return 'ok';
  }

  record(endpoint: string, username: string): void {
    this.used += 1;
    this.total += 1;
    this.byEndpoint.set(endpoint, (this.byEndpoint.get(endpoint) ?? 0) + 1);
    this.byUser.set(username, (this.byUser.get(username) ?? 0) + 1);
  }

  /** A REST API call starts being served (each is ended by `endCall`). */
  beginCall(): void {
    this.inFlight += 1;
    this.peakInFlight = Math.max(this.peakInFlight, this.inFlight);
  }

  endCall(): void {
    this.inFlight -= 1;
  }

  recordOAuthGrant(grantType: string): void {
    this.oauthGrants.set(grantType, (this.oauthGrants.get(grantType) ?? 0) + 1);
  }

  /** `Sforce-Limit-Info` value, which jsforce parses into `conn.limitInfo`. */
  limitInfoHeader(): string {
    this.rollWindow();
    return `api-usage=${this.used}/${this.options.dailyApiLimit}`;
  }

  limit(): { used: number; max: number } {
    this.rollWindow();
    return { used: this.used, max: this.options.dailyApiLimit };
  }

  latencyMs(): number {
    return this.knobs.latencyMs();
  }

  applyFaults(faults: FaultSettings): void {
    this.knobs.apply(faults);
    if (faults.exhaustLimit) this.used = Math.max(this.used, this.options.dailyApiLimit);
  }

  pendingServerUnavailable(): number {
    return this.knobs.pendingServerUnavailable();
  }

  stats(): EmulatorStats {
    return {
      total: this.total,
      byEndpoint: Object.fromEntries(this.byEndpoint),
      byUser: Object.fromEntries(this.byUser),
      limit: this.limit(),
      oauth: Object.fromEntries(this.oauthGrants),
      concurrency: { inFlight: this.inFlight, peak: this.peakInFlight },
    };
  }

  resetStats(): void {
    this.total = 0;
    this.byEndpoint = new Map();
    this.byUser = new Map();
    this.oauthGrants = new Map();
    // Calls still being served keep counting; the peak starts again from them.
    this.peakInFlight = this.inFlight;
  }

  /** Statistics, the daily counter and the faults back to the start. */
  resetAll(): void {
    this.resetStats();
    this.used = 0;
    this.windowStart = this.options.clock().getTime();
    this.knobs.reset();
  }

  private rollWindow(): void {
    const now = this.options.clock().getTime();
    if (now - this.windowStart >= DAY_MS) {
      this.windowStart = now;
      this.used = 0;
    }
  }
}
