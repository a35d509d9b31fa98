import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface OutageOptions {
  /** Wall-clock milliseconds; an outage lasts real time even when the service's clock is fixed. */
  now?: () => number;
  /** Runs when an outage begins, after the in-flight requests were cut. */
  onBegin?: () => void;
}

/**
 * The `offline` fault: for a while the service is unreachable. Every non-admin request has its
 * socket destroyed (the client sees `ECONNRESET` / "socket hang up", as behind a dropped
 * connection), and the requests in flight when it begins (long-polls included) die the same
 * way. The service itself keeps running: its data and sessions survive.
 */
export class Outage {
  private until = 0;
  private readonly inFlight = new Set<Socket>();
  private readonly now: () => number;

  constructor(private readonly options: OutageOptions = {}) {
    this.now = options.now ?? Date.now;
  }

  /** Cuts the request off if the service is offline (true), else watches it until it completes. */
  refuse(req: IncomingMessage, res: ServerResponse): boolean {
    const socket = req.socket;
    if (this.isOffline()) {
      socket.destroy();
      return true;
    }
    this.inFlight.add(socket);
    res.once('close', () => this.inFlight.delete(socket));
    return false;
  }

  /** For sockets outside the request cycle (upgrades): destroyed while offline. */
  refuseSocket(socket: { destroy(): void }): boolean {
    if (!this.isOffline()) return false;
    socket.destroy();
    return true;
  }

  /** Offline for `ms` from now (0 ends an outage). */
  begin(ms: number): void {
    this.until = ms > 0 ? this.now() + ms : 0;
    if (ms <= 0) return;
    for (const socket of this.inFlight) socket.destroy();
    this.inFlight.clear();
    this.options.onBegin?.();
  }

  end(): void {
    this.until = 0;
  }

  isOffline(): boolean {
    return this.remainingMs() > 0;
  }

  remainingMs(): number {
    return Math.max(0, this.until - this.now());
  }
}
