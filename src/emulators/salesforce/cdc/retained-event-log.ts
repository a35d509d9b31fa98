import type { StoredEvent } from './cdc-types';

/** Replay from: -1 new events only, -2 everything retained, or after a retained replay id. */
export type ReplayFrom = number;
export const REPLAY_NEW = -1;
export const REPLAY_ALL = -2;

export interface RetainedEventLogOptions {
  clock: () => Date;
  retentionHours: number;
  seed: number;
}

/**
 * The event bus's retained history. Replay ids grow by a small seeded step so clients cannot
 * treat them as contiguous counters (Salesforce's are opaque and gapped).
 */
export class RetainedEventLog {
  private readonly entries: StoredEvent[] = [];
  private readonly retentionMs: number;
  private readonly random: () => number;
  private lastReplayId = 0;

  constructor(private readonly options: RetainedEventLogOptions) {
    if (!Number.isFinite(options.retentionHours) || options.retentionHours <= 0) {
      throw new Error('retentionHours must be a positive number');
    }
    this.retentionMs = options.retentionHours * 3_600_000;
    this.random = mulberry32(options.seed);
  }

  nextReplayId(): number {
    this.lastReplayId += 1 + Math.floor(this.random() * 5);
    return this.lastReplayId;
  }

  append(event: StoredEvent): void {
    this.entries.push(event);
    this.prune();
  }

  all(): readonly StoredEvent[] {
    this.prune();
    return [...this.entries];
  }

  isReplayable(replayFrom: ReplayFrom): boolean {
    if (replayFrom === REPLAY_NEW || replayFrom === REPLAY_ALL) return true;
    this.prune();
    return this.entries.some((e) => e.replayId === replayFrom);
  }

  /** What a subscription replaying from `replayFrom` gets first; undefined for an unknown id. */
  replay(replayFrom: ReplayFrom, entityName?: string): StoredEvent[] | undefined {
    if (!this.isReplayable(replayFrom)) return undefined;
    if (replayFrom === REPLAY_NEW) return [];
    return this.entries.filter(
      (e) => e.replayId > replayFrom && (entityName === undefined || e.entityName === entityName),
    );
  }

  private prune(): void {
    const horizon = this.options.clock().getTime() - this.retentionMs;
    let drop = 0;
    while (drop < this.entries.length && this.entries[drop].storedAt < horizon) drop++;
    if (drop > 0) this.entries.splice(0, drop);
  }
}

/** A tiny seeded PRNG (mulberry32): deterministic replay id steps for a given seed. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
