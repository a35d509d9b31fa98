import type { UpsertResult } from '../upstreams/salesforce/client';
import { fingerprintOf } from './fingerprint';
import { SyncConflictError, SyncLeaseLostError } from './sync-errors';
import type { SyncStateStore } from './sync-state-store';

/** The composite sObject collections limit: one Salesforce call per 200 records. */
export const SYNC_BATCH_SIZE = 200;
/** How long a run's lease lives without renewal; the run renews it every third of that. */
export const DEFAULT_SYNC_LOCK_TTL_MS = 30_000;

export type SyncService = 'stripe' | 'zendesk' | 'quickbooks';

/** One Salesforce row to upsert: the external id and every mapped field (the id included). */
export interface SyncRow {
  externalId: string;
  fields: Record<string, unknown>;
}

export interface SyncPage<T> {
  records: T[];
  /** The cursor of the next page; null after the last. */
  next: string | null;
}

/** What one sync reads and where it writes: built per run by the service's plan. */
export interface SyncPlan<T> {
  service: SyncService;
  /** The lock's scope: `account:<Id>` or `all`. */
  scope: string;
  /** The watermark's scope: the lock's plus whatever narrows the read (`since`). */
  readScope: string;
  object: string;
  externalIdField: string;
  readPage(cursor: string | null): Promise<SyncPage<T>>;
  /** The row for a record; null when it has no Account the viewer may write (skipped). */
  toRow(record: T): SyncRow | null;
}

export interface SyncDeps {
  state: SyncStateStore;
  /** One composite upsert (≤200 rows), never allOrNone: a bad record fails alone. */
  upsert(object: string, externalIdField: string, rows: SyncRow[]): Promise<UpsertResult[]>;
  lockTtlMs?: number;
  batchSize?: number;
  now?: () => Date;
  /** Checked between pages and batches: the client went away. */
  signal?: AbortSignal;
}

export interface SyncOutcome {
  service: SyncService;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  /** `<external id>: <STATUS_CODE> <message>` per failed record. */
  errors: string[];
  /** Records with no linked Account the viewer may write: not written, not counted above. */
  skipped: number;
  /** The run continued from a killed run's watermark instead of the start. */
  resumed: boolean;
  syncedAt: Date;
}

/**
 * Runs one sync: reads the service page by page with its own cursor, maps each record, leaves
 * out those whose fingerprint matches what was last written, and upserts the rest by external
 * id in batches of 200. A batch's fingerprints and then the watermark are saved only after
 * Salesforce answered it, so a run killed at any point resumes without loss, and the upsert by
 * external id means a batch written twice still leaves one row per record.
 */
export async function runSync<T>(plan: SyncPlan<T>, deps: SyncDeps): Promise<SyncOutcome> {
  const ttl = deps.lockTtlMs ?? DEFAULT_SYNC_LOCK_TTL_MS;
  const batchSize = deps.batchSize ?? SYNC_BATCH_SIZE;
  const now = deps.now ?? (() => new Date());
  const lockKey = `${plan.service}:${plan.scope}`;
  const watermarkKey = `${plan.service}:${plan.readScope}`;
  const holder = await deps.state.lock.acquire(lockKey, ttl);
  if (holder === undefined) throw new SyncConflictError(lockKey);
  let lost = false;
  let heldSince = Date.now();
  const renewal = setInterval(() => {
    const attempt = Date.now();
    deps.state.lock.renew(lockKey, holder, ttl).then(
      (kept) => {
        if (kept) heldSince = attempt;
        else lost = true;
      },
      () => {
        // A failed renewal is not a lost lease yet; the next tick tries again (until the TTL).
      },
    );
  }, ttl / 3);
  renewal.unref();

  const startedAt = now();
  const outcome: SyncOutcome = {
    service: plan.service,
    created: 0,
    updated: 0,
    unchanged: 0,
    failed: 0,
    errors: [],
    skipped: 0,
    resumed: false,
    syncedAt: startedAt,
  };
  const checkStillOurs = (): void => {
    deps.signal?.throwIfAborted();
    // Renewals failing for a whole TTL: the lease may have expired and moved to another run.
    if (lost || Date.now() - heldSince >= ttl) throw new SyncLeaseLostError(lockKey);
  };

  // Rows to write, by external id: a record read twice in one run is written once, latest wins.
  // `page`: the read that last set the row; pages before the oldest pending row's are committed.
  const pending = new Map<string, { row: SyncRow; fingerprint: string; page: number }>();
  // Cursors after each page not yet known to be committed, oldest first.
  const cursorsAfter: Array<{ page: number; cursor: string }> = [];
  let pageNumber = 0;

  async function flush(rows: Array<{ row: SyncRow; fingerprint: string }>): Promise<void> {
    checkStillOurs();
    const results = await deps.upsert(
      plan.object,
      plan.externalIdField,
      rows.map((r) => r.row),
    );
    const written: Array<{ externalId: string; fingerprint: string }> = [];
    rows.forEach(({ row, fingerprint }, i) => {
      const result = results[i];
      if (result?.success) {
        if (result.created) outcome.created += 1;
        else outcome.updated += 1;
        written.push({ externalId: row.externalId, fingerprint });
        return;
      }
      outcome.failed += 1;
      const error = result?.errors[0];
      outcome.errors.push(
        `${row.externalId}: ${error ? `${error.statusCode} ${error.message}` : 'no result from Salesforce'}`,
      );
    });
    // A failed record keeps its old fingerprint (or none): the next run tries it again.
    await deps.state.saveFingerprints(plan.service, written);
  }

  async function flushFull(): Promise<void> {
    while (pending.size >= batchSize) {
      const batch = [...pending.values()].slice(0, batchSize);
      for (const { row } of batch) pending.delete(row.externalId);
      await flush(batch);
    }
  }

  try {
    const previous = await deps.state.watermark(watermarkKey);
    let cursor = previous?.cursor ?? null;
    outcome.resumed = cursor !== null;
    const completedAt = previous?.completedAt ?? null;
    for (;;) {
      checkStillOurs();
      const page = await plan.readPage(cursor);
      pageNumber += 1;
      const rows: SyncRow[] = [];
      for (const record of page.records) {
        const row = plan.toRow(record);
        if (row === null) outcome.skipped += 1;
        else rows.push(row);
      }
      const known = await deps.state.fingerprints(
        plan.service,
        rows.map((r) => r.externalId),
      );
      rows.forEach((row, i) => {
        const fingerprint = fingerprintOf(row.fields);
        if (known[i] === fingerprint && !pending.has(row.externalId)) outcome.unchanged += 1;
        else pending.set(row.externalId, { row, fingerprint, page: pageNumber });
      });
      await flushFull();
      cursor = page.next;
      if (cursor === null) break;
      cursorsAfter.push({ page: pageNumber, cursor });
      // Up to 199 rows wait for the next batch; the pages before the oldest of them are
      // committed (or unchanged), so a restart may skip them.
      let oldestPending = Number.POSITIVE_INFINITY;
      for (const entry of pending.values()) oldestPending = Math.min(oldestPending, entry.page);
      let committed: string | undefined;
      while ((cursorsAfter[0]?.page ?? oldestPending) < oldestPending) {
        committed = cursorsAfter.shift()?.cursor;
      }
      if (committed !== undefined) {
        await deps.state.saveWatermark(watermarkKey, { cursor: committed, completedAt });
      }
    }
    if (pending.size > 0) await flush([...pending.values()]);
    pending.clear();
    await deps.state.saveWatermark(watermarkKey, {
      cursor: null,
      completedAt: startedAt.toISOString(),
    });
    outcome.syncedAt = now();
    return outcome;
  } finally {
    clearInterval(renewal);
    await deps.state.lock.release(lockKey, holder).catch(() => undefined);
  }
}
