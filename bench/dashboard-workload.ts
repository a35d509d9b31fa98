/*
 * The dashboard scenario's pure parts: which operation a simulated user runs next (a seeded,
 * reproducible mix), the stale-read bookkeeping after writes, the cache lookups read from the
 * gateway's /metrics text, and the MET/NOT MET check. Unit-tested apart from any server.
 */

export const DASHBOARD_READS = [
  'list',
  'nested',
  'pipeline',
  'salesPerformance',
  'search',
] as const;
export type DashboardRead = (typeof DASHBOARD_READS)[number];
export type DashboardWrite = 'updateOpportunity' | 'updateAccount';
export type DashboardStep = DashboardRead | DashboardWrite;

/** Read weights (percent of the reads); writes are `writeShare` of all steps on top. */
export const READ_WEIGHTS: Readonly<Record<DashboardRead, number>> = {
  list: 30,
  nested: 20,
  pipeline: 20,
  salesPerformance: 15,
  search: 15,
};

/** mulberry32: small, fast and the same sequence for a seed on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * The next step for a draw in [0, 1): a write with probability `writeShare` (opportunities
 * and accounts alternate by draw), otherwise a read by READ_WEIGHTS.
 */
export function pickStep(draw: number, writeShare: number): DashboardStep {
  if (draw < writeShare) {
    return draw < writeShare / 2 ? 'updateOpportunity' : 'updateAccount';
  }
  const total = DASHBOARD_READS.reduce((sum, read) => sum + READ_WEIGHTS[read], 0);
  let point = ((draw - writeShare) / (1 - writeShare)) * total;
  for (const read of DASHBOARD_READS) {
    point -= READ_WEIGHTS[read];
    if (point < 0) return read;
  }
  return DASHBOARD_READS[DASHBOARD_READS.length - 1] as DashboardRead;
}

/** A user's whole plan: `steps` steps from its own seed, so both phases run the same mix. */
export function planSteps(seed: number, steps: number, writeShare: number): DashboardStep[] {
  const random = seededRandom(seed);
  return Array.from({ length: steps }, () => pickStep(random(), writeShare));
}

export function isWrite(step: DashboardStep): step is DashboardWrite {
  return step === 'updateOpportunity' || step === 'updateAccount';
}

export interface StaleRead {
  user: number;
  recordId: string;
  wrote: string;
  saw: string;
}

interface WriteEntry {
  user: number;
  value: string;
  /** Logical clock when the mutation was sent and when its answer came (null: in flight). */
  begun: number;
  ended: number | null;
}

/**
 * After every write, that user's next read of the record must show the written value. Other
 * users may write the same record meanwhile (a manager sees the reps' records, and users
 * share logins): the value of a write that overlapped this user's write or came after it is
 * fresh too, since Salesforce may have applied it last. Stale is a value whose write had
 * already answered before this user's write was sent, or one no write in the run produced
 * (the seed's).
 */
export class StaleReadLedger {
  private clock = 0;
  private readonly writes = new Map<string, WriteEntry[]>();
  private readonly pending = new Map<number, { recordId: string; entry: WriteEntry }>();
  readonly stale: StaleRead[] = [];
  checked = 0;

  /** The mutation is about to be sent. */
  begin(user: number, recordId: string, value: string): void {
    const entry: WriteEntry = { user, value, begun: (this.clock += 1), ended: null };
    const entries = this.writes.get(recordId) ?? [];
    entries.push(entry);
    this.writes.set(recordId, entries);
    this.pending.set(user, { recordId, entry });
  }

  /** The mutation answered: `saved` false when it failed (nothing is due then). */
  end(user: number, saved: boolean): void {
    const pending = this.pending.get(user);
    if (pending === undefined) return;
    pending.entry.ended = this.clock += 1;
    if (!saved) this.pending.delete(user);
  }

  /** The record this user must read next, if it wrote one. */
  due(user: number): string | undefined {
    return this.pending.get(user)?.recordId;
  }

  /** Checks the user's read of its written record; answers whether it was fresh. */
  read(user: number, recordId: string, saw: string): boolean {
    const expected = this.pending.get(user);
    if (expected === undefined || expected.recordId !== recordId) return true;
    this.pending.delete(user);
    this.checked += 1;
    const own = expected.entry;
    if (saw === own.value) return true;
    const concurrentOrLater = (this.writes.get(recordId) ?? []).some(
      (w) => w !== own && w.value === saw && (w.ended === null || w.ended > own.begun),
    );
    if (concurrentOrLater) return true;
    this.stale.push({ user, recordId, wrote: own.value, saw });
    return false;
  }
}

export interface CacheLookups {
  hit: number;
  miss: number;
  bypass: number;
}

/** Sums `gateway_cache_lookups_total{type,result}` over every type, from Prometheus text. */
export function cacheLookups(metricsText: string): CacheLookups {
  const out: CacheLookups = { hit: 0, miss: 0, bypass: 0 };
  for (const line of metricsText.split('\n')) {
    if (!line.startsWith('gateway_cache_lookups_total{')) continue;
    const result = /result="([^"]*)"/.exec(line)?.[1];
    const value = Number(line.slice(line.lastIndexOf(' ') + 1));
    if ((result === 'hit' || result === 'miss' || result === 'bypass') && Number.isFinite(value)) {
      out[result] += value;
    }
  }
  return out;
}

/**
 * Every series of a counter from Prometheus text, keyed by its label text (`type="Account",
 * result="miss"`), so two scrapes can be subtracted.
 */
export function counterSeries(metricsText: string, name: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of metricsText.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const labels = line.slice(name.length + 1, line.lastIndexOf('}'));
    const value = Number(line.slice(line.lastIndexOf(' ') + 1));
    if (Number.isFinite(value)) out.set(labels, value);
  }
  return out;
}

/** `after - before` per series, zero deltas left out, largest first. */
export function seriesDelta(
  before: ReadonlyMap<string, number>,
  after: ReadonlyMap<string, number>,
): Array<[string, number]> {
  return [...after]
    .map(([labels, value]): [string, number] => [labels, value - (before.get(labels) ?? 0)])
    .filter(([, delta]) => delta !== 0)
    .sort((a, b) => b[1] - a[1]);
}

export function lookupDelta(before: CacheLookups, after: CacheLookups): CacheLookups {
  return {
    hit: after.hit - before.hit,
    miss: after.miss - before.miss,
    bypass: after.bypass - before.bypass,
  };
}

/** Hits over all lookups; null when nothing was looked up (cache off). */
export function hitRatio(lookups: CacheLookups): number | null {
  const all = lookups.hit + lookups.miss + lookups.bypass;
  return all === 0 ? null : lookups.hit / all;
}

/** Issue 11: at most 0.2 Salesforce calls per GraphQL operation at steady state, cache on. */
export const DASHBOARD_CALLS_TARGET = 0.2;

export function callsTargetMet(callsPerOperation: number): boolean {
  return callsPerOperation <= DASHBOARD_CALLS_TARGET;
}
