import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * The `offline` fault: for a while every API request has its socket destroyed (the client
 * sees ECONNRESET / "socket hang up"), and so do the requests in flight when it begins.
 * Wall-clock time, so an outage ends even when the emulator's clock is fixed.
 */
export class Outage {
  private until = 0;
  private readonly inFlight = new Set<Socket>();

  constructor(private readonly now: () => number = Date.now) {}

  /** True (and the socket is gone) while offline; otherwise the request is watched. */
  refuse(req: IncomingMessage, res: ServerResponse): boolean {
    const socket = req.socket;
    if (this.remainingMs() > 0) {
      socket.destroy();
      return true;
    }
    this.inFlight.add(socket);
    res.once('close', () => this.inFlight.delete(socket));
    return false;
  }

  /** Offline for `ms` from now; 0 ends an outage. */
  begin(ms: number): void {
    this.until = ms > 0 ? this.now() + ms : 0;
    if (ms <= 0) return;
    for (const socket of this.inFlight) socket.destroy();
    this.inFlight.clear();
  }

  remainingMs(): number {
    return Math.max(0, this.until - this.now());
  }
}
