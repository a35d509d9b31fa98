export interface ReplayDeduperOptions {
  /** How many recent replayIds to remember; memory stays bounded by it. */
  windowSize?: number;
}

/**
 * Remembers the last `windowSize` processed replayIds, so an event delivered twice (a
 * resubscribe that overlaps, a replay from a slightly older id) is processed once.
 */
export class ReplayDeduper {
  private readonly windowSize: number;
  private readonly seen = new Set<string>();
  private readonly order: string[] = [];
  private head = 0;

  constructor(options: ReplayDeduperOptions = {}) {
    this.windowSize = Math.max(1, options.windowSize ?? 10_000);
  }

  has(replayId: string): boolean {
    return this.seen.has(replayId);
  }

  /** Marks a replayId as processed; call it after processing so a failed event is retried. */
  remember(replayId: string): void {
    if (this.seen.has(replayId)) return;
    this.seen.add(replayId);
    if (this.order.length < this.windowSize) {
      this.order.push(replayId);
      return;
    }
    // Ring buffer: overwrite the oldest slot instead of shifting the array.
    const evicted = this.order[this.head];
    if (evicted !== undefined) this.seen.delete(evicted);
    this.order[this.head] = replayId;
    this.head = (this.head + 1) % this.windowSize;
  }

  get size(): number {
    return this.seen.size;
  }
}
