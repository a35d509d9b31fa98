import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

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
  private offlineUntil = 0;
  private readonly inFlight = new Set<Socket>();
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
    if (faults.offline !== undefined) {
      this.offlineUntil = faults.offline > 0 ? Date.now() + faults.offline : 0;
      if (faults.offline > 0) {
        for (const socket of this.inFlight) socket.destroy();
        this.inFlight.clear();
      }
    }
  }

  /** Cuts the request's socket while offline (true); otherwise tracks it until it ends. */
  refuse(req: IncomingMessage, onClose: (cb: () => void) => void): boolean {
    if (this.offlineMs() > 0) {
      req.socket.destroy();
      return true;
    }
    this.inFlight.add(req.socket);
    onClose(() => this.inFlight.delete(req.socket));
    return false;
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
    return Math.max(0, this.offlineUntil - Date.now());
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
    this.offlineUntil = 0;
  }
}

/** Validated fault settings, or why they are invalid. */
export function parseFaults(body: Buffer): FaultRequest | string {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8') || '{}');
  } catch {
    return 'body must be JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'body must be a JSON object';
  const faults: FaultRequest = {};
  for (const [key, v] of Object.entries(value)) {
    switch (key) {
      case 'latencyMs':
      case 'serverUnavailable':
      case 'rateLimited':
      case 'retryAfterSeconds':
      case 'offline':
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
          return `${key} must be a non-negative integer`;
        faults[key] = v;
        break;
      case 'expireTokens':
        if (typeof v !== 'boolean') return `${key} must be a boolean`;
        faults[key] = v;
        break;
      default:
        return `unknown fault ${key}`;
    }
  }
  return faults;
}
