import { LRUCache } from 'lru-cache';

export interface ReplayDeduperOptions {
  /** How many recent replayIds to remember; memory stays bounded by it. */
  windowSize?: number;
}

/**
 * Remembers the last `windowSize` processed replayIds, so an event delivered twice (a
 * resubscribe that overlaps, a replay from a slightly older id) is processed once.
 */
export class ReplayDeduper {
  private readonly seen: LRUCache<string, true>;

  constructor(options: ReplayDeduperOptions = {}) {
    this.seen = new LRUCache({ max: Math.max(1, options.windowSize ?? 10_000) });
  }

  has(replayId: string): boolean {
    return this.seen.has(replayId);
  }

  /** Marks a replayId as processed; call it after processing so a failed event is retried. */
  remember(replayId: string): void {
    // Set once: a repeat must not make an id younger, so the window evicts in arrival order.
    if (!this.seen.has(replayId)) this.seen.set(replayId, true);
  }

  get size(): number {
    return this.seen.size;
  }
}
