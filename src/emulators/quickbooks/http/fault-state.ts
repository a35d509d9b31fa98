import type { IncomingMessage, ServerResponse } from 'node:http';
import { FaultKnobs } from '../../http-kit/fault-knobs';
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
  private readonly knobs: FaultKnobs;
  private readonly outage = new Outage();
  private total = 0;
  private byEndpoint = new Map<string, number>();
  private oauth = new Map<string, number>();
  private readonly waits = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();

  constructor(defaultLatencyMs: number) {
    this.knobs = new FaultKnobs({ latencyMs: defaultLatencyMs, retryAfterSeconds: 60 });
  }

  apply(faults: FaultRequest): void {
    this.knobs.apply(faults);
    if (faults.offline !== undefined) this.outage.begin(faults.offline);
  }

  /** Cuts the request's socket while offline (true); otherwise tracks it until it ends. */
  refuse(req: IncomingMessage, res: ServerResponse): boolean {
    return this.outage.refuse(req, res);
  }

  /** A burst is consumed one call at a time: 503s first, then 429s. */
  admit(): Admission {
    if (this.knobs.takeServerUnavailable()) return 'server-unavailable';
    if (this.knobs.takeRateLimited()) return 'rate-limited';
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
    const latency = this.knobs.latencyMs();
    if (latency <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          this.waits.delete(entry);
          resolve();
        }, latency),
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
    return this.knobs.latencyMs();
  }

  retryAfterSeconds(): number {
    return this.knobs.retryAfterSeconds();
  }

  offlineMs(): number {
    return this.outage.remainingMs();
  }

  settings(): Record<string, number> {
    return {
      latencyMs: this.knobs.latencyMs(),
      serverUnavailable: this.knobs.pendingServerUnavailable(),
      rateLimited: this.knobs.pendingRateLimited(),
      retryAfterSeconds: this.knobs.retryAfterSeconds(),
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
    this.knobs.reset();
    this.outage.end();
  }
}
