import type { SObjectRecord } from '../model/types';
import type { RecordSource, StoredRecord, WriteTransaction } from './write-transaction';

/** The committed rows of the org, per object and by 18-character Id. */
export class RecordTable implements RecordSource {
  private readonly byObject = new Map<string, Map<string, SObjectRecord>>();
  private readonly objectOf = new Map<string, string>();
  private readonly cascades = new Map<string, readonly string[]>();
  /** Every row by Id in one map: SOQL parent paths look one up per row and hop. */
  private readonly records = new Map<string, SObjectRecord>();

  /** The committed row with exactly this 18-character Id. */
  record(id18: string): SObjectRecord | undefined {
    return this.records.get(id18);
  }

  get(id18: string): StoredRecord | undefined {
    const objectName = this.objectOf.get(id18);
    const record = objectName === undefined ? undefined : this.byObject.get(objectName)?.get(id18);
    return objectName === undefined || record === undefined ? undefined : { objectName, record };
  }

  scan(objectName: string): Iterable<SObjectRecord> {
    return this.byObject.get(objectName)?.values() ?? [];
  }

  cascadeOf(parentId: string): readonly string[] | undefined {
    return this.cascades.get(parentId);
  }

  put(objectName: string, record: SObjectRecord): void {
    let rows = this.byObject.get(objectName);
    if (!rows) {
      rows = new Map();
      this.byObject.set(objectName, rows);
    }
    rows.set(record.Id, record);
    this.objectOf.set(record.Id, objectName);
    this.records.set(record.Id, record);
  }

  commit(tx: WriteTransaction): void {
    for (const { objectName, record } of tx.stagedRecords()) this.put(objectName, record);
    for (const [parentId, childIds] of tx.stagedCascades()) {
      if (childIds === undefined) this.cascades.delete(parentId);
      else this.cascades.set(parentId, childIds);
    }
  }

  clear(): void {
    this.byObject.clear();
    this.objectOf.clear();
    this.cascades.clear();
    this.records.clear();
  }
}
