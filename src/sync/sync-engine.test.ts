import type { UpsertResult } from '../upstreams/salesforce/client';
import { runSync, type SyncPlan, type SyncRow } from './sync-engine';
import { SyncConflictError } from './sync-errors';
import { createSyncStateStore, type SyncStateStore } from './sync-state-store';

interface Item {
  id: string;
  value: number;
}

/** A service of `pages`, each page's cursor its index; every item maps to one row. */
function planOf(pages: Item[][], reads: Array<string | null> = []): SyncPlan<Item> {
  return {
    service: 'stripe',
    scope: 'all',
    readScope: 'all',
    object: 'Stripe_Payment__c',
    externalIdField: 'Stripe_Payment_Id__c',
    async readPage(cursor) {
      reads.push(cursor);
      const index = cursor === null ? 0 : Number(cursor);
      return {
        records: pages[index] ?? [],
        next: index + 1 < pages.length ? String(index + 1) : null,
      };
    },
    toRow: (item): SyncRow | null =>
      item.value < 0 ? null : { externalId: item.id, fields: { Id__c: item.id, V__c: item.value } },
  };
}

const items = (from: number, count: number, value = 1): Item[] =>
  Array.from({ length: count }, (_, i) => ({ id: `r${from + i}`, value }));

/** Salesforce as a map: created on first sight; `reject` ids fail. */
function fakeSalesforce(reject: Set<string> = new Set()) {
  const rows = new Map<string, unknown>();
  const calls: number[] = [];
  return {
    rows,
    calls,
    upsert: async (_o: string, _f: string, batch: SyncRow[]): Promise<UpsertResult[]> => {
      calls.push(batch.length);
      return batch.map((row) => {
        if (reject.has(row.externalId)) {
          return {
            id: null,
            success: false,
            created: false,
            errors: [{ statusCode: 'STRING_TOO_LONG', message: 'too long', fields: [] }],
          };
        }
        const created = !rows.has(row.externalId);
        rows.set(row.externalId, row.fields);
        return { id: row.externalId, success: true, created, errors: [] };
      });
    },
  };
}

let state: SyncStateStore;
beforeEach(async () => {
  state = await createSyncStateStore({ namespace: `test-${Math.random()}` });
});

describe('runSync', () => {
  it('batches 200 per call across pages and counts every record once', async () => {
    const sf = fakeSalesforce();
    const pages = [items(0, 100), items(100, 100), items(200, 100), items(300, 50)];
    const outcome = await runSync(planOf(pages), { state, upsert: sf.upsert });
    expect(sf.calls).toEqual([200, 150]);
    expect(outcome).toMatchObject({ created: 350, updated: 0, unchanged: 0, failed: 0 });
    const again = await runSync(planOf(pages), { state, upsert: sf.upsert });
    expect(sf.calls).toEqual([200, 150]);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 350 });
  });

  it('a changed value is sent again; a rejected record is reported and retried next run', async () => {
    const sf = fakeSalesforce(new Set(['r1']));
    await runSync(planOf([items(0, 3)]), { state, upsert: sf.upsert });
    const changed = items(0, 3);
    changed[2] = { id: 'r2', value: 9 };
    const outcome = await runSync(planOf([changed]), { state, upsert: sf.upsert });
    expect(outcome).toMatchObject({
      created: 0,
      updated: 1,
      unchanged: 1,
      failed: 1,
      errors: ['r1: STRING_TOO_LONG too long'],
    });
  });

  it('records without an Account are skipped, not counted', async () => {
    const sf = fakeSalesforce();
    const outcome = await runSync(planOf([[...items(0, 2), { id: 'x', value: -1 }]]), {
      state,
      upsert: sf.upsert,
    });
    expect(outcome).toMatchObject({ created: 2, skipped: 1 });
  });

  it('the watermark moves only past committed batches; a failed run resumes there', async () => {
    const pages = [items(0, 100), items(100, 100), items(200, 100), items(300, 100)];
    let upserts = 0;
    const sf = fakeSalesforce();
    const failing = async (o: string, f: string, batch: SyncRow[]) => {
      upserts += 1;
      if (upserts === 2) throw new Error('Salesforce went away');
      return sf.upsert(o, f, batch);
    };
    await expect(runSync(planOf(pages), { state, upsert: failing })).rejects.toThrow('went away');
    // The first batch (pages 0-1) was committed: the watermark points at page 2.
    expect(await state.watermark('stripe:all')).toEqual({ cursor: '2', completedAt: null });
    const reads: Array<string | null> = [];
    const resumed = await runSync(planOf(pages, reads), { state, upsert: sf.upsert });
    expect(reads).toEqual(['2', '3']);
    expect(resumed).toMatchObject({ created: 200, resumed: true });
    expect(sf.rows.size).toBe(400);
    expect((await state.watermark('stripe:all'))?.cursor).toBeNull();
  });

  it('pages that do not fill whole batches still move the watermark past committed pages', async () => {
    // 150 a page: rows wait across page ends, so the run never has an empty batch to flush.
    const pages = [items(0, 150), items(150, 150), items(300, 150), items(450, 150)];
    let upserts = 0;
    const sf = fakeSalesforce();
    const failing = async (o: string, f: string, batch: SyncRow[]) => {
      upserts += 1;
      if (upserts === 3) throw new Error('Salesforce went away');
      return sf.upsert(o, f, batch);
    };
    await expect(runSync(planOf(pages), { state, upsert: failing })).rejects.toThrow('went away');
    // Batches 1-2 committed pages 0 and 1 whole (page 2's last 50 rows were still waiting).
    expect(await state.watermark('stripe:all')).toEqual({ cursor: '2', completedAt: null });
    const reads: Array<string | null> = [];
    const resumed = await runSync(planOf(pages, reads), { state, upsert: sf.upsert });
    expect(reads).toEqual(['2', '3']);
    expect(resumed).toMatchObject({ resumed: true, unchanged: 100, created: 200 });
    expect(sf.rows.size).toBe(600);
  });

  it('a second run of the same key while one holds the lease is a conflict', async () => {
    const holder = await state.lock.acquire('stripe:all', 10_000);
    expect(holder).toBeDefined();
    await expect(
      runSync(planOf([items(0, 1)]), { state, upsert: fakeSalesforce().upsert }),
    ).rejects.toBeInstanceOf(SyncConflictError);
    await state.lock.release('stripe:all', holder ?? '');
    await expect(
      runSync(planOf([items(0, 1)]), { state, upsert: fakeSalesforce().upsert }),
    ).resolves.toMatchObject({ created: 1 });
  });
});
