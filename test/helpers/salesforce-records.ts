/**
 * Record helpers for the contract suite: a unique tag per run so that tests only ever look
 * at rows they created (safe on a shared sandbox), a list of what to delete in afterAll,
 * and small readers that narrow jsforce's loosely typed records.
 */
import type { Connection } from 'jsforce';

export function runTag(prefix = 'ZZCT'): string {
  return `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
}

export function stringField(record: unknown, field: string): string | null {
  const value = valueAt(record, field);
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw new Error(`${field} is ${typeof value}, expected a string`);
  return value;
}

export function numberField(record: unknown, field: string): number | null {
  const value = valueAt(record, field);
  if (value === null || value === undefined) return null;
  if (typeof value !== 'number') throw new Error(`${field} is ${typeof value}, expected a number`);
  return value;
}

/** Follows a dotted path through parent relationships (`Account.Owner.Name`). */
export function valueAt(record: unknown, path: string): unknown {
  let current: unknown = record;
  for (const part of path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

export function idOf(record: unknown): string {
  const id = stringField(record, 'Id');
  if (!id) throw new Error(`record has no Id: ${JSON.stringify(record)}`);
  return id;
}

/** Narrows a jsforce single-save result (create/update/destroy) to its id. */
export function savedId(result: unknown): string {
  if (typeof result !== 'object' || result === null) throw new Error('no save result');
  const { id, success } = result as { id?: unknown; success?: unknown };
  if (success !== true || typeof id !== 'string') {
    throw new Error(`save failed: ${JSON.stringify(result)}`);
  }
  return id;
}

/** Deletes, in afterAll, everything a test file created; children before parents. */
export class RecordJanitor {
  private readonly created: Array<{ type: string; id: string }> = [];

  track(type: string, ...ids: string[]): void {
    for (const id of ids) if (id) this.created.push({ type, id });
  }

  async flush(conn: Connection): Promise<void> {
    const pending = this.created.splice(0).reverse();
    for (let i = 0; i < pending.length; i += 200) {
      const ids = pending.slice(i, i + 200).map((r) => r.id);
      // The collection DELETE ignores the type; allOrNone false because a test may already
      // have deleted some rows (or a cascade did).
      await conn.destroy('Account', ids, { allOrNone: false });
    }
  }
}

/**
 * A well-formed Id (valid case-checksum suffix) that no org has issued: the 18-character
 * suffix algorithm is public (https://help.salesforce.com/s/articleView?id=000385008).
 * Written again here on purpose, not imported from the emulator's `model/ids.ts`: the contract
 * suite must not share the emulator's bugs (it also runs against a real org).
 */
export function unusedId(keyPrefix: string): string {
  const id15 = `${keyPrefix}0000000ZzZzZz`.slice(0, 15).padEnd(15, 'Z');
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
  let suffix = '';
  for (let block = 0; block < 3; block++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charAt(block * 5 + i);
      if (c >= 'A' && c <= 'Z') bits |= 1 << i;
    }
    suffix += alphabet.charAt(bits);
  }
  return id15 + suffix;
}
