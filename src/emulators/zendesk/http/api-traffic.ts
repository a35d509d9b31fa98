import { FaultKnobs } from '../../http-kit/fault-knobs';

/** What `GET /__emulator/stats` reports. */
export interface ZendeskStats {
  /** API calls served (admitted past auth and the fault knobs). */
  total: number;
  byEndpoint: Record<string, number>;
  /** Keyed by the authenticated email. */
  byUser: Record<string, number>;
  /** Calls answered with an error before reaching a handler. */
  refused: { unauthorized: number; rateLimited: number; serverUnavailable: number };
  rateLimit: { limit: number; remaining: number };
}

export interface ZendeskFaults {
  /** Replaces the per-call latency. */
  latencyMs?: number;
  /** The next N API calls answer 503. */
  serverUnavailable?: number;
  /** The next N API calls answer 429 with `Retry-After`. */
  rateLimited?: number;
  /** The `Retry-After` of those 429s (default 1 s, so tests that honour it stay fast). */
  retryAfterSeconds?: number;
}

export type Admission =
  | { kind: 'ok' }
  | { kind: 'server-unavailable' }
  | { kind: 'rate-limited'; retryAfterSeconds: number };

const MINUTE_MS = 60_000;

/**
 * Call accounting, the per-minute rate limit (Zendesk counts requests per account per
 * minute) and the injected faults.
 */
export class ApiTraffic {
  private total = 0;
  private byEndpoint = new Map<string, number>();
  private byUser = new Map<string, number>();
  private refused = { unauthorized: 0, rateLimited: 0, serverUnavailable: 0 };
  // `Retry-After` 1 s by default, so tests that honour it stay fast.
  private readonly knobs: FaultKnobs;
  private windowStart = 0;
  private windowCount = 0;

  constructor(
    private readonly options: { latencyMs: number; rateLimitPerMinute: number },
    // Wall-clock time: a minute of traffic is a real minute even when the seed's clock is fixed.
    private readonly now: () => number = Date.now,
  ) {
    this.knobs = new FaultKnobs({ latencyMs: options.latencyMs, retryAfterSeconds: 1 });
  }

  /** Decides whether an authenticated call runs; bursts are consumed one call at a time. */
  admit(): Admission {
    this.rollWindow();
    if (this.knobs.takeServerUnavailable()) {
      this.refused.serverUnavailable += 1;
      return { kind: 'server-unavailable' };
    }
    if (this.knobs.takeRateLimited()) {
      this.refused.rateLimited += 1;
      return { kind: 'rate-limited', retryAfterSeconds: this.knobs.retryAfterSeconds() };
    }
    if (this.windowCount >= this.options.rateLimitPerMinute) {
      this.refused.rateLimited += 1;
      const left = this.windowStart + MINUTE_MS - this.now();
      return { kind: 'rate-limited', retryAfterSeconds: Math.max(1, Math.ceil(left / 1000)) };
    }
    this.windowCount += 1;
    return { kind: 'ok' };
  }

  record(endpoint: string, email: string): void {
    this.total += 1;
    this.byEndpoint.set(endpoint, (this.byEndpoint.get(endpoint) ?? 0) + 1);
    this.byUser.set(email, (this.byUser.get(email) ?? 0) + 1);
  }

  recordUnauthorized(): void {
    this.refused.unauthorized += 1;
  }

  /** `X-Rate-Limit` headers every API response carries. */
  rateLimitHeaders(): Record<string, string> {
    const { limit, remaining } = this.rateLimit();
    const reset = Math.max(0, Math.ceil((this.windowStart + MINUTE_MS - this.now()) / 1000));
    return {
      'X-Rate-Limit': String(limit),
      'X-Rate-Limit-Remaining': String(remaining),
      'ratelimit-limit': String(limit),
      'ratelimit-remaining': String(remaining),
      'ratelimit-reset': String(reset),
    };
  }

  latencyMs(): number {
    return this.knobs.latencyMs();
  }

  applyFaults(faults: ZendeskFaults): void {
    this.knobs.apply(faults);
  }

  pendingFaults(): Required<ZendeskFaults> {
    return {
      latencyMs: this.knobs.latencyMs(),
      serverUnavailable: this.knobs.pendingServerUnavailable(),
      rateLimited: this.knobs.pendingRateLimited(),
      retryAfterSeconds: this.knobs.retryAfterSeconds(),
    };
  }

  stats(): ZendeskStats {
    return {
      total: this.total,
      byEndpoint: Object.fromEntries(this.byEndpoint),
      byUser: Object.fromEntries(this.byUser),
      refused: { ...this.refused },
      rateLimit: this.rateLimit(),
    };
  }

  resetStats(): void {
    this.total = 0;
    this.byEndpoint = new Map();
    this.byUser = new Map();
    this.refused = { unauthorized: 0, rateLimited: 0, serverUnavailable: 0 };
  }

  /** Statistics, the minute window and the faults back to the start. */
  resetAll(): void {
    this.resetStats();
    this.knobs.reset();
    this.windowStart = this.now();
    this.windowCount = 0;
  }

  private rateLimit(): { limit: number; remaining: number } {
    this.rollWindow();
    const limit = this.options.rateLimitPerMinute;
    return { limit, remaining: Math.max(0, limit - this.windowCount) };
  }

  private rollWindow(): void {
    const now = this.now();
    if (now - this.windowStart >= MINUTE_MS) {
      this.windowStart = now;
      this.windowCount = 0;
    }
  }
}
