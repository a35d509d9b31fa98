import { makeId } from '../model/ids';
import type { JsonRecord } from '../model/types';

export interface QueryPage {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: JsonRecord[];
}

interface Cursor {
  userId: string;
  totalSize: number;
  records: JsonRecord[];
  batchSize: number;
  lastUsed: number;
}

export interface QueryLocatorOptions {
  clock: () => Date;
  /** Salesforce drops a cursor after 15 minutes without use. */
  ttlMs?: number;
  /** Open cursors per user; Salesforce allows 10 and closes the oldest. */
  maxPerUser?: number;
}

const LOCATOR_PATTERN = /^(01g[A-Za-z0-9]{15})-(\d+)$/;

/**
 * Server-side query cursors: a result bigger than one batch is kept here and handed out
 * through `nextRecordsUrl` locators (`01gXXXXXXXXXXXXXXX-2000`, the suffix being the offset).
 */
export class QueryLocatorStore {
  private readonly cursors = new Map<string, Cursor>();
  private counter = 0;
  private readonly ttlMs: number;
  private readonly maxPerUser: number;

  constructor(private readonly options: QueryLocatorOptions) {
    this.ttlMs = options.ttlMs ?? 15 * 60 * 1000;
    this.maxPerUser = options.maxPerUser ?? 10;
  }

  /** The first page of a full result; keeps a cursor when more pages follow. */
  firstPage(
    result: { totalSize: number; records: JsonRecord[] },
    userId: string,
    batchSize: number,
    apiVersion: string,
  ): QueryPage {
    if (result.records.length <= batchSize) {
      return { totalSize: result.totalSize, done: true, records: result.records };
    }
    this.counter += 1;
    const id = makeId('01g', this.counter);
    this.evictOldest(userId);
    this.cursors.set(id, {
      userId,
      totalSize: result.totalSize,
      records: result.records,
      batchSize,
      lastUsed: this.now(),
    });
    return this.page(id, 0, apiVersion);
  }

  /** The page at a locator; undefined when the locator is unknown, expired or someone else's. */
  nextPage(locator: string, userId: string, apiVersion: string): QueryPage | undefined {
    const match = LOCATOR_PATTERN.exec(locator);
    if (!match) return undefined;
    const id = match[1] as string;
    const offset = Number(match[2]);
    const cursor = this.cursors.get(id);
    if (!cursor || cursor.userId !== userId) return undefined;
    if (this.now() - cursor.lastUsed > this.ttlMs) {
      this.cursors.delete(id);
      return undefined;
    }
    if (offset <= 0 || offset >= cursor.records.length) return undefined;
    cursor.lastUsed = this.now();
    return this.page(id, offset, apiVersion);
  }

  clear(): void {
    this.cursors.clear();
  }

  private page(id: string, offset: number, apiVersion: string): QueryPage {
    const cursor = this.cursors.get(id) as Cursor;
    const end = offset + cursor.batchSize;
    const records = cursor.records.slice(offset, end);
    if (end >= cursor.records.length) {
      this.cursors.delete(id);
      return { totalSize: cursor.totalSize, done: true, records };
    }
    return {
      totalSize: cursor.totalSize,
      done: false,
      nextRecordsUrl: `/services/data/v${apiVersion}/query/${id}-${end}`,
      records,
    };
  }

  private evictOldest(userId: string): void {
    const mine = [...this.cursors.entries()].filter(([, c]) => c.userId === userId);
    if (mine.length < this.maxPerUser) return;
    mine.sort((a, b) => a[1].lastUsed - b[1].lastUsed);
    const oldest = mine[0];
    if (oldest) this.cursors.delete(oldest[0]);
  }

  private now(): number {
    return this.options.clock().getTime();
  }
}
