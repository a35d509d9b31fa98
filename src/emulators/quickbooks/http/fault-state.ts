import type { IncomingMessage, ServerResponse } from 'node:http';
import { Outage } from '../../http-kit/outage';

/** What `POST /__emulator/faults` accepts. */
export const FAULT_KNOBS = {
  integers: ['latencyMs', 'serverUnavailable', 'rateLimited', 'retryAfterSeconds', 'offline'],
  booleans: ['expireTokens'],
} as const;

export interface FaultRequest {
  latencyMs?: number;
  /** The next N API calls answer 503 with a SystemFault. */
  serverUnavailable?: number;
  /** The next N API calls answer 429 ThrottleExceeded with `Retry-After`. */
  rateLimited?: number;
  retryAfterSeconds?: number;
  /** For this many milliseconds every API, OAuth and token socket is cut (ECONNRESET). */
  offline?: number;
  /** Every access token expires now; the refresh token keeps working. */
  expireTokens?: boolean;
}

export type Admission = 'ok' | 'server-unavailable' | 'rate-limited';

/** The injected faults and the call statistics of one running emulator. */
export class FaultState {
  private latency: number;
  private unavailable = 0;
  private limited = 0;
  private retryAfter = 60;
  private readonly outage = new Outage();
  private total = 0;
  private byEndpoint = new Map<string, number>();
  private oauth = new Map<string, number>();
  private readonly waits = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();

  constructor(private readonly defaultLatencyMs: number) {
    this.latency = defaultLatencyMs;
  }

  apply(faults: FaultRequest): void {
    if (faults.latencyMs !== undefined) this.latency = faults.latencyMs;
    if (faults.serverUnavailable !== undefined) this.unavailable = faults.serverUnavailable;
    if (faults.rateLimited !== undefined) this.limited = faults.rateLimited;
    if (faults.retryAfterSeconds !== undefined) this.retryAfter = faults.retryAfterSeconds;
    if (faults.offline !== undefined) this.outage.begin(faults.offline);
  }

  /** Cuts the request's socket while offline (true); otherwise tracks it until it ends. */
  refuse(req: IncomingMessage, res: ServerResponse): boolean {
    return this.outage.refuse(req, res);
  }

  /** A burst is consumed one call at a time: 503s first, then 429s. */
  admit(): Admission {
    if (this.unavailable > 0) {
      this.unavailable--;
      return 'server-unavailable';
    }
    if (this.limited > 0) {
      this.limited--;
      return 'rate-limited';
    }
    return 'ok';
  }

  record(endpoint: string): void {
    this.total++;
    this.byEndpoint.set(endpoint, (this.byEndpoint.get(endpoint) ?? 0) + 1);
  }

  recordGrant(grantType: string): void {
    this.oauth.set(grantType, (this.oauth.get(grantType) ?? 0) + 1);
  }

  /** The injected latency; `cancelWaits` (on stop) ends every pending one at once. */
  wait(): Promise<void> {
    if (this.latency <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          this.waits.delete(entry);
          resolve();
        }, this.latency),
        resolve,
      };
      this.waits.add(entry);
    });
  }

  cancelWaits(): void {
    for (const { timer, resolve } of this.waits) {
      clearTimeout(timer);
      resolve();
    }
    this.waits.clear();
  }

  latencyMs(): number {
    return this.latency;
  }

  retryAfterSeconds(): number {
    return this.retryAfter;
  }

  offlineMs(): number {
    return this.outage.remainingMs();
  }

  settings(): Record<string, number> {
    return {
      latencyMs: this.latency,
      serverUnavailable: this.unavailable,
      rateLimited: this.limited,
      retryAfterSeconds: this.retryAfter,
      offlineMs: this.offlineMs(),
    };
  }

  stats(): { total: number; byEndpoint: Record<string, number>; oauth: Record<string, number> } {
    return {
      total: this.total,
      byEndpoint: Object.fromEntries(this.byEndpoint),
      oauth: Object.fromEntries(this.oauth),
    };
  }

  resetStats(): void {
    this.total = 0;
    this.byEndpoint = new Map();
    this.oauth = new Map();
  }

  resetAll(): void {
    this.resetStats();
    this.latency = this.defaultLatencyMs;
    this.unavailable = 0;
    this.limited = 0;
    this.retryAfter = 60;
    this.outage.end();
  }
}
