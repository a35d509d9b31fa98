import { canReadField } from '../metadata/field-security';
import { findField, isRequiredOnCreate } from '../metadata';
import { SalesforceError } from '../model/errors';
import { ID_PATTERN, to18 } from '../model/ids';
import type { EmulatorUser, FieldDef, FieldValue, ObjectDef, SObjectRecord } from '../model/types';
import { applyDerivedFields } from './derived-fields';
import {
  convertedLead,
  entityIsDeleted,
  idInInsert,
  insufficientAccess,
  insufficientCrossReferenceAccess,
  invalidCrossReference,
  malformedDeleteId,
  malformedRecordId,
  malformedReference,
  noSuchColumn,
  notFound,
  notInRecycleBin,
  notWritable,
  operationNotAllowed,
  requiredMissing,
  unknownRecordId,
  wrongReferenceType,
} from './dml-errors';
import { coerceFieldValue } from './field-coercion';
import type { FieldInput } from './store-types';
import type { StoredRecord, WriteTransaction } from './write-transaction';

/** What the writer needs from the org around it. */
export interface WriterContext {
  describe(objectName: string): ObjectDef | undefined;
  objectNameOf(id: string): string | undefined;
  canSee(user: EmulatorUser, objectName: string, record: SObjectRecord): boolean;
  nextId(objectDef: ObjectDef): string;
}

export interface WriteOptions {
  /** The org's own writes (lead conversion): read-only fields may be set, lookups skip sharing. */
  system?: boolean;
}

/** How a bad record Id is reported: a REST path Id (single) or a collection entry. */
export type IdStyle = 'path' | 'collection';

/** Objects whose children the org deletes with them (and restores on undelete). */
const CASCADES: Readonly<Record<string, ReadonlyArray<{ objectName: string; field: string }>>> = {
  Account: [
    { objectName: 'Contact', field: 'AccountId' },
    { objectName: 'Opportunity', field: 'AccountId' },
  ],
};

const sameValue = (a: FieldValue | undefined, b: FieldValue | undefined): boolean =>
  a === b ||
  (typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b));

/**
 * Validates and applies one record's DML inside a transaction, with Salesforce's rules
 * and errors. Every method throws `SalesforceError`; the caller owns commit and rollback.
 */
export class RecordWriter {
  constructor(private readonly org: WriterContext) {}

  create(
    tx: WriteTransaction,
    objectName: string,
    values: FieldInput,
    user: EmulatorUser,
    options: WriteOptions = {},
  ): string {
    const objectDef = this.requireObject(objectName);
    if (!objectDef.createable || objectDef.name === 'User') {
      throw operationNotAllowed('inserted', objectDef.name);
    }
    const input = this.normalize(objectDef, values, 'create', user, options);
    this.checkReferences(tx, input, user, options);
    const id = this.org.nextId(objectDef);
    const record: SObjectRecord = { Id: id };
    for (const field of objectDef.fields) {
      if (field.type === 'id') continue;
      const preset = field.picklistValues.find((p) => p.defaultValue)?.value;
      record[field.name] = field.type === 'boolean' ? false : (preset ?? null);
    }
    const stamp = tx.timestamp;
    Object.assign(record, {
      CreatedDate: stamp,
      CreatedById: user.Id,
      LastModifiedDate: stamp,
      LastModifiedById: user.Id,
      SystemModstamp: stamp,
    });
    if ('OwnerId' in record) record.OwnerId = user.Id;
    if ('IsDeleted' in record) record.IsDeleted = false;
    for (const [field, value] of input) record[field.name] = value;
    applyDerivedFields(objectDef, record, new Set([...input.keys()].map((f) => f.name)), true);
    tx.put(objectDef.name, record);
    const logged = this.eventFields(objectDef, record, (name) => record[name] !== null);
    tx.note({ objectName: objectDef.name, changeType: 'CREATE', id, ...logged });
    return id;
  }

  update(
    tx: WriteTransaction,
    objectName: string,
    id: string,
    values: FieldInput,
    user: EmulatorUser,
    style: IdStyle,
    options: WriteOptions = {},
  ): void {
    const objectDef = this.requireObject(objectName);
    const target = this.resolve(tx, id, user, style, objectDef);
    if (objectDef.name === 'User') throw operationNotAllowed('updated', 'User');
    if (objectDef.name === 'Lead' && target.record.IsConverted === true && !options.system) {
      throw convertedLead();
    }
    const input = this.normalize(objectDef, values, 'update', user, options);
    this.checkReferences(tx, input, user, options);
    const before = target.record;
    const after: SObjectRecord = { ...before };
    for (const [field, value] of input) after[field.name] = value;
    after.LastModifiedDate = tx.timestamp;
    after.LastModifiedById = user.Id;
    after.SystemModstamp = tx.timestamp;
    applyDerivedFields(objectDef, after, new Set([...input.keys()].map((f) => f.name)), false);
    tx.put(objectDef.name, after);
    const logged = this.eventFields(
      objectDef,
      after,
      (name) => name === 'LastModifiedDate' || !sameValue(before[name], after[name]),
    );
    tx.note({ objectName: objectDef.name, changeType: 'UPDATE', id: after.Id, ...logged });
  }

  delete(tx: WriteTransaction, id: string, user: EmulatorUser, style: IdStyle): void {
    const target = this.resolve(tx, id, user, style);
    const objectDef = this.requireObject(target.objectName);
    if (!objectDef.deletable) throw operationNotAllowed('deleted', objectDef.name);
    this.markDeleted(tx, target, user, true);
    const children: string[] = [];
    for (const cascade of CASCADES[objectDef.name] ?? []) {
      for (const child of [...tx.scan(cascade.objectName)]) {
        if (child[cascade.field] !== target.record.Id || child.IsDeleted === true) continue;
        this.markDeleted(tx, { objectName: cascade.objectName, record: child }, user, true);
        children.push(child.Id);
      }
    }
    if (children.length > 0) tx.setCascade(target.record.Id, children);
  }

  undelete(tx: WriteTransaction, id: string, user: EmulatorUser): void {
    if (!ID_PATTERN.test(id)) throw malformedDeleteId(id);
    const target = tx.get(to18(id) ?? id);
    if (!target) throw notFound();
    if (target.record.IsDeleted !== true) throw notInRecycleBin();
    if (!this.org.canSee(user, target.objectName, target.record)) throw insufficientAccess();
    this.markDeleted(tx, target, user, false);
    for (const childId of tx.cascadeOf(target.record.Id) ?? []) {
      const child = tx.get(childId);
      if (child && child.record.IsDeleted === true) this.markDeleted(tx, child, user, false);
    }
    tx.setCascade(target.record.Id, undefined);
  }

  /**
   * Finds the record an Id names for update/delete, failing as the REST API does: malformed
   * or foreign Ids, missing rows (404), deleted rows, then sharing.
   */
  resolve(
    tx: WriteTransaction,
    id: string,
    user: EmulatorUser,
    style: IdStyle,
    objectDef?: ObjectDef,
  ): StoredRecord {
    const wrongId = (): SalesforceError =>
      style === 'path'
        ? unknownRecordId(id)
        : objectDef
          ? malformedRecordId(objectDef, id)
          : malformedDeleteId(id);
    if (!ID_PATTERN.test(id)) throw wrongId();
    const id18 = to18(id) ?? id;
    const objectName = this.org.objectNameOf(id18);
    if (objectName === undefined || (objectDef && objectDef.name !== objectName)) throw wrongId();
    const target = tx.get(id18);
    if (!target) throw notFound();
    if (target.record.IsDeleted === true) throw entityIsDeleted();
    if (!this.org.canSee(user, target.objectName, target.record)) throw insufficientAccess();
    return target;
  }

  requireObject(objectName: string): ObjectDef {
    const objectDef = this.org.describe(objectName);
    if (!objectDef) throw notFound();
    return objectDef;
  }

  private markDeleted(
    tx: WriteTransaction,
    target: StoredRecord,
    user: EmulatorUser,
    deleted: boolean,
  ): void {
    const record: SObjectRecord = {
      ...target.record,
      IsDeleted: deleted,
      LastModifiedDate: tx.timestamp,
      LastModifiedById: user.Id,
      SystemModstamp: tx.timestamp,
    };
    tx.put(target.objectName, record);
    if (deleted) {
      tx.note({
        objectName: target.objectName,
        changeType: 'DELETE',
        id: record.Id,
        changedFields: [],
        values: {},
      });
      return;
    }
    const objectDef = this.requireObject(target.objectName);
    const logged = this.eventFields(objectDef, record, (name) => record[name] !== null);
    tx.note({ objectName: target.objectName, changeType: 'UNDELETE', id: record.Id, ...logged });
  }

  /** Resolves input names (case-insensitive) to describe fields and coerces the values. */
  private normalize(
    objectDef: ObjectDef,
    values: FieldInput,
    mode: 'create' | 'update',
    user: EmulatorUser,
    options: WriteOptions,
  ): Map<FieldDef, FieldValue> {
    const result = new Map<FieldDef, FieldValue>();
    const readOnly: string[] = [];
    for (const [key, raw] of Object.entries(values)) {
      if (key === 'attributes') continue;
      const field = findField(objectDef, key);
      // A field hidden by field-level security is as unknown to DML as to describe.
      if (!field || (!options.system && !canReadField(user, field))) {
        throw noSuchColumn(key, objectDef.name);
      }
      if (field.type === 'id') {
        if (mode === 'create') throw idInInsert();
        continue;
      }
      const writable = mode === 'create' ? field.createable : field.updateable;
      if (!writable && !options.system) {
        readOnly.push(field.name);
        continue;
      }
      result.set(field, coerceFieldValue(objectDef.name, field, raw));
    }
    if (readOnly.length > 0) throw notWritable(readOnly);
    const missing: string[] = [];
    for (const field of objectDef.fields) {
      const given = result.has(field);
      const value = result.get(field);
      const required =
        mode === 'create' ? isRequiredOnCreate(field) : !field.nillable && field.type !== 'boolean';
      if (required && given && value === null) missing.push(field.name);
      else if (mode === 'create' && required && !given) missing.push(field.name);
    }
    if (missing.length > 0) throw requiredMissing(missing);
    return result;
  }

  /** Lookups must name an existing, live record of the right type that the user can see. */
  private checkReferences(
    tx: WriteTransaction,
    input: Map<FieldDef, FieldValue>,
    user: EmulatorUser,
    options: WriteOptions,
  ): void {
    for (const [field, value] of input) {
      if (field.type !== 'reference' || typeof value !== 'string') continue;
      if (!ID_PATTERN.test(value)) throw malformedReference(field, value);
      const id18 = to18(value) ?? value;
      const targetObject = this.org.objectNameOf(id18);
      if (targetObject !== undefined && !field.referenceTo.includes(targetObject)) {
        throw wrongReferenceType(field, value);
      }
      const target = targetObject === undefined ? undefined : tx.get(id18);
      if (!target) throw invalidCrossReference([field.name]);
      if (target.record.IsDeleted === true) throw entityIsDeleted([field.name]);
      if (!options.system && !this.org.canSee(user, target.objectName, target.record)) {
        throw insufficientCrossReferenceAccess(value);
      }
      input.set(field, id18);
    }
  }

  private eventFields(
    objectDef: ObjectDef,
    record: SObjectRecord,
    include: (name: string) => boolean,
  ): { changedFields: string[]; values: Record<string, FieldValue> } {
    const changedFields: string[] = [];
    const values: Record<string, FieldValue> = {};
    for (const field of objectDef.fields) {
      if (field.type === 'id' || field.type === 'address' || !include(field.name)) continue;
      changedFields.push(field.name);
      values[field.name] = record[field.name] ?? null;
    }
    return { changedFields, values };
  }
}
