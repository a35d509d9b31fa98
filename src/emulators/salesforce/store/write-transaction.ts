import type { ChangeEvent, FieldValue, SObjectRecord } from '../model/types';

export interface StoredRecord {
  objectName: string;
  record: SObjectRecord;
}

/** One record's change inside a transaction, before events are grouped. */
export interface ChangeLogEntry {
  objectName: string;
  changeType: ChangeEvent['changeType'];
  id: string;
  changedFields: string[];
  values: Record<string, FieldValue>;
}

/** Read access to records: the committed table, or a transaction layered over it. */
export interface RecordSource {
  get(id18: string): StoredRecord | undefined;
  scan(objectName: string): Iterable<SObjectRecord>;
  /** Children deleted together with `parentId`, restored when it is undeleted. */
  cascadeOf(parentId: string): readonly string[] | undefined;
}

/**
 * Copy-on-write staging over a `RecordSource`. Writers never mutate a stored row: they stage a
 * new object, so dropping a transaction is a complete rollback. A child transaction gives one
 * record of a collection its own savepoint: merged into the parent on success, dropped on error.
 */
export class WriteTransaction implements RecordSource {
  private readonly staged = new Map<string, StoredRecord>();
  private readonly cascades = new Map<string, readonly string[] | undefined>();
  private readonly entries: ChangeLogEntry[] = [];

  constructor(
    private readonly base: RecordSource,
    readonly now: Date,
  ) {}

  get timestamp(): string {
    return this.now.toISOString();
  }

  get log(): readonly ChangeLogEntry[] {
    return this.entries;
  }

  get(id18: string): StoredRecord | undefined {
    return this.staged.get(id18) ?? this.base.get(id18);
  }

  *scan(objectName: string): Iterable<SObjectRecord> {
    for (const entry of this.staged.values()) {
      if (entry.objectName === objectName) yield entry.record;
    }
    for (const record of this.base.scan(objectName)) {
      if (!this.staged.has(record.Id)) yield record;
    }
  }

  cascadeOf(parentId: string): readonly string[] | undefined {
    return this.cascades.has(parentId)
      ? this.cascades.get(parentId)
      : this.base.cascadeOf(parentId);
  }

  put(objectName: string, record: SObjectRecord): void {
    this.staged.set(record.Id, { objectName, record });
  }

  setCascade(parentId: string, childIds: readonly string[] | undefined): void {
    this.cascades.set(parentId, childIds);
  }

  note(entry: ChangeLogEntry): void {
    this.entries.push(entry);
  }

  child(): WriteTransaction {
    return new WriteTransaction(this, this.now);
  }

  /** Folds a child's staged writes and log into this transaction. */
  absorb(child: WriteTransaction): void {
    for (const [id, entry] of child.staged) this.staged.set(id, entry);
    for (const [id, ids] of child.cascades) this.cascades.set(id, ids);
    this.entries.push(...child.entries);
  }

  stagedRecords(): Iterable<StoredRecord> {
    return this.staged.values();
  }

  stagedCascades(): Iterable<[string, readonly string[] | undefined]> {
    return this.cascades.entries();
  }
}
