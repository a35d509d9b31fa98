import { randomUUID } from 'node:crypto';
import { STANDARD_OBJECTS, findField, findObject } from '../metadata';
import { SalesforceError } from '../model/errors';
import { ID_PATTERN, makeId, to18 } from '../model/ids';
import type {
  ChangeEvent,
  EmulatorUser,
  FieldDef,
  ObjectDef,
  OrgData,
  SObjectRecord,
} from '../model/types';
import { buildChangeEvents } from './change-events';
import {
  duplicateExternalIdInRequest,
  duplicateExternalIdMatches,
  missingExternalId,
  notAnExternalIdField,
  rolledBack,
  tooManyRecords,
  unknownExternalIdField,
  unknownObject,
} from './dml-errors';
import { LeadConverter } from './lead-converter';
import { RecordTable } from './record-table';
import { RecordWriter, type WriterContext } from './record-writer';
import type {
  DmlResult,
  FieldInput,
  LeadConvertInput,
  LeadConvertResult,
  SeedData,
} from './store-types';
import { userRecord } from './user-records';
import { WriteTransaction } from './write-transaction';

/** The composite/sobjects collection limit. */
const MAX_COLLECTION = 200;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** The counter `makeId` encoded in an Id (characters 5-15), so loaded data never collides. */
function idCounter(id: string): number {
  let n = 0;
  for (const c of id.slice(4, 15)) n = n * 62 + BASE62.indexOf(c);
  return n;
}

/**
 * The emulated org's data: users, records with private sharing, Salesforce DML rules and
 * errors, the recycle bin, lead conversion, and a change feed of committed transactions.
 */
export class OrgStore implements OrgData {
  readonly orgId: string;
  /** Replaced, never mutated, when an admin adds or removes a field (see setCustomField). */
  private objects: ObjectDef[];
  private readonly objectByPrefix = new Map<string, ObjectDef>();
  private readonly clock: () => Date;
  private readonly table = new RecordTable();
  private readonly writer: RecordWriter;
  private readonly converter: LeadConverter;
  private readonly listeners = new Set<(event: ChangeEvent) => void>();
  private userList: EmulatorUser[] = [];
  private readonly usersById = new Map<string, EmulatorUser>();
  private readonly usersByName = new Map<string, EmulatorUser>();
  private counter = 1;
  private seed: SeedData = { users: [], records: [] };

  constructor(options: { objects?: ObjectDef[]; clock?: () => Date } = {}) {
    this.objects = options.objects ?? STANDARD_OBJECTS;
    for (const o of this.objects) this.objectByPrefix.set(o.keyPrefix, o);
    this.clock = options.clock ?? (() => new Date());
    this.orgId = makeId('00D', 1);
    const context: WriterContext = {
      describe: (name) => this.describe(name),
      objectNameOf: (id) => this.objectNameOf(id),
      canSee: (user, objectName, record) => this.canSee(user, objectName, record),
      nextId: (objectDef) => makeId(objectDef.keyPrefix, this.counter++),
    };
    this.writer = new RecordWriter(context);
    this.converter = new LeadConverter(context, this.writer);
  }

  describe(objectName: string): ObjectDef | undefined {
    return findObject(objectName, this.objects);
  }

  listObjects(): ObjectDef[] {
    return [...this.objects];
  }

  /**
   * Adds (or replaces) a custom field of `objectName` at runtime, as an admin would in Setup;
   * `field: undefined` removes it. The object definition is copied, never changed in place:
   * the metadata modules are shared by every emulator of the process. Existing records read
   * the new field as null. False when the object or the field to remove does not exist.
   */
  setCustomField(objectName: string, name: string, field: FieldDef | undefined): boolean {
    const objectDef = this.describe(objectName);
    if (!objectDef) return false;
    const others = objectDef.fields.filter((f) => f.name.toLowerCase() !== name.toLowerCase());
    if (!field && others.length === objectDef.fields.length) return false;
    const changed: ObjectDef = { ...objectDef, fields: field ? [...others, field] : others };
    this.objects = this.objects.map((o) => (o === objectDef ? changed : o));
    this.objectByPrefix.set(changed.keyPrefix, changed);
    return true;
  }

  rows(objectName: string): Iterable<SObjectRecord> {
    const objectDef = this.describe(objectName);
    return objectDef ? this.table.scan(objectDef.name) : [];
  }

  byId(id: string): SObjectRecord | undefined {
    // Stored Ids are canonical 18-character ones, as are the references between rows.
    const exact = this.table.record(id);
    if (exact !== undefined) return exact;
    const id18 = to18(id);
    return id18 === undefined ? undefined : this.table.record(id18);
  }

  objectNameOf(id: string): string | undefined {
    return ID_PATTERN.test(id) ? this.objectByPrefix.get(id.slice(0, 3))?.name : undefined;
  }

  canSee(user: EmulatorUser, objectName: string, record: SObjectRecord): boolean {
    return objectName === 'User' || user.viewAllData || record.OwnerId === user.Id;
  }

  users(): EmulatorUser[] {
    return [...this.userList];
  }

  userById(id: string): EmulatorUser | undefined {
    const id18 = to18(id);
    return id18 === undefined ? undefined : this.usersById.get(id18);
  }

  userByUsername(username: string): EmulatorUser | undefined {
    return this.usersByName.get(username.toLowerCase());
  }

  load(seed: SeedData): void {
    this.seed = seed;
    this.table.clear();
    this.userList = seed.users.map((u) => ({ ...u }));
    this.usersById.clear();
    this.usersByName.clear();
    let highest = 0;
    const admin = this.userList.find((u) => u.viewAllData) ?? this.userList[0];
    for (const user of this.userList) {
      this.usersById.set(user.Id, user);
      this.usersByName.set(user.Username.toLowerCase(), user);
      this.table.put('User', userRecord(user, admin?.Id ?? user.Id, this.describe('User')));
      highest = Math.max(highest, idCounter(user.Id));
    }
    for (const { objectName, record } of seed.records) {
      const objectDef = this.describe(objectName);
      if (!objectDef) throw new Error(`Seed names an unknown object: ${objectName}`);
      const row: SObjectRecord = { ...record };
      // Every describe field is present on a row, so readers never see `undefined`.
      for (const field of objectDef.fields) {
        if (!(field.name in row)) row[field.name] = field.type === 'boolean' ? false : null;
      }
      this.table.put(objectDef.name, row);
      highest = Math.max(highest, idCounter(record.Id));
    }
    // Never reissue an Id handed out before a reset: clients may still cache it.
    this.counter = Math.max(this.counter, highest + 1);
  }

  reset(): void {
    this.load(this.seed);
  }

  create(objectName: string, values: FieldInput, user: EmulatorUser): string {
    return this.transact(user, (tx) => this.writer.create(tx, objectName, values, user));
  }

  update(objectName: string, id: string, values: FieldInput, user: EmulatorUser): void {
    this.transact(user, (tx) => this.writer.update(tx, objectName, id, values, user, 'path'));
  }

  delete(id: string, user: EmulatorUser): void {
    this.transact(user, (tx) => this.writer.delete(tx, id, user, 'path'));
  }

  undelete(id: string, user: EmulatorUser): void {
    this.transact(user, (tx) => this.writer.undelete(tx, id, user));
  }

  upsert(
    objectName: string,
    externalIdField: string,
    externalIdValue: string,
    values: FieldInput,
    user: EmulatorUser,
  ): { id: string; created: boolean } {
    const objectDef = this.writer.requireObject(objectName);
    const field = this.externalIdField(objectDef, externalIdField);
    return this.transact(user, (tx) =>
      this.upsertOne(tx, objectDef, field.name, externalIdValue, values, user, 'path'),
    );
  }

  createMany(
    records: Array<{ objectName: string; values: FieldInput }>,
    allOrNone: boolean,
    user: EmulatorUser,
  ): DmlResult[] {
    return this.collection(records, allOrNone, user, (tx, r) => {
      if (!this.describe(r.objectName)) throw unknownObject(r.objectName);
      return { id: this.writer.create(tx, r.objectName, r.values, user) };
    });
  }

  updateMany(
    records: Array<{ objectName: string; id: string; values: FieldInput }>,
    allOrNone: boolean,
    user: EmulatorUser,
  ): DmlResult[] {
    return this.collection(records, allOrNone, user, (tx, r) => {
      if (!this.describe(r.objectName)) throw unknownObject(r.objectName);
      this.writer.update(tx, r.objectName, r.id, r.values, user, 'collection');
      return { id: to18(r.id) ?? r.id };
    });
  }

  deleteMany(ids: string[], allOrNone: boolean, user: EmulatorUser): DmlResult[] {
    return this.collection(ids, allOrNone, user, (tx, id) => {
      this.writer.delete(tx, id, user, 'collection');
      return { id: to18(id) ?? id };
    });
  }

  upsertMany(
    objectName: string,
    externalIdField: string,
    records: FieldInput[],
    allOrNone: boolean,
    user: EmulatorUser,
  ): DmlResult[] {
    if (records.length > MAX_COLLECTION) throw tooManyRecords();
    const objectDef = this.writer.requireObject(objectName);
    const field = this.externalIdField(objectDef, externalIdField);
    const keyOf = (values: FieldInput): string | undefined => {
      const entry = Object.entries(values).find(
        ([k]) => k.toLowerCase() === field.name.toLowerCase(),
      );
      return entry === undefined || entry[1] === null || entry[1] === ''
        ? undefined
        : String(entry[1]);
    };
    // The whole request is checked for repeated keys before any record is written.
    const seen = new Map<string, number>();
    for (const values of records) {
      const key = keyOf(values)?.toLowerCase();
      if (key !== undefined) seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    return this.collection(records, allOrNone, user, (tx, values) => {
      const key = keyOf(values);
      if (key === undefined) throw missingExternalId(field.name);
      if ((seen.get(key.toLowerCase()) ?? 0) > 1) throw duplicateExternalIdInRequest(key);
      return this.upsertOne(tx, objectDef, field.name, key, values, user, 'collection');
    });
  }

  convertLead(input: LeadConvertInput, user: EmulatorUser): LeadConvertResult {
    return this.transact(user, (tx) => this.converter.convert(tx, input, user));
  }

  onChange(listener: (event: ChangeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private externalIdField(objectDef: ObjectDef, name: string): { name: string } {
    const field = findField(objectDef, name);
    if (!field) throw unknownExternalIdField(name);
    if (!field.externalId && field.type !== 'id') {
      throw notAnExternalIdField(field.name, objectDef.name);
    }
    return field;
  }

  private upsertOne(
    tx: WriteTransaction,
    objectDef: ObjectDef,
    fieldName: string,
    value: string,
    values: FieldInput,
    user: EmulatorUser,
    style: 'path' | 'collection',
  ): { id: string; created: boolean } {
    const field = findField(objectDef, fieldName);
    if (!field) throw unknownExternalIdField(fieldName);
    // The key rides in the URL (single) or the record (collection); it is not a field write.
    const body = Object.fromEntries(
      Object.entries(values).filter(([k]) => k.toLowerCase() !== field.name.toLowerCase()),
    );
    if (field.type === 'id') {
      this.writer.update(tx, objectDef.name, value, body, user, style);
      return { id: to18(value) ?? value, created: false };
    }
    const wanted = value.toLowerCase();
    const matches: string[] = [];
    for (const row of tx.scan(objectDef.name)) {
      const stored = row[field.name];
      if (row.IsDeleted !== true && typeof stored === 'string' && stored.toLowerCase() === wanted) {
        matches.push(row.Id);
      }
    }
    if (matches.length > 1) throw duplicateExternalIdMatches(field, matches);
    if (matches.length === 1) {
      this.writer.update(tx, objectDef.name, matches[0], body, user, style);
      return { id: matches[0], created: false };
    }
    const id = this.writer.create(tx, objectDef.name, { ...body, [field.name]: value }, user);
    return { id, created: true };
  }

  /** One committed transaction: all of `work` or nothing, then its change events. */
  private transact<T>(user: EmulatorUser, work: (tx: WriteTransaction) => T): T {
    const tx = new WriteTransaction(this.table, this.clock());
    const result = work(tx);
    this.commit(tx, user);
    return result;
  }

  private collection<T>(
    items: T[],
    allOrNone: boolean,
    user: EmulatorUser,
    work: (tx: WriteTransaction, item: T) => { id: string; created?: boolean },
  ): DmlResult[] {
    if (items.length > MAX_COLLECTION) throw tooManyRecords();
    const tx = new WriteTransaction(this.table, this.clock());
    const results: DmlResult[] = items.map((item) => {
      const savepoint = tx.child();
      try {
        const done = work(savepoint, item);
        tx.absorb(savepoint);
        return { id: done.id, success: true, errors: [], ...this.createdFlag(done) };
      } catch (error) {
        if (!(error instanceof SalesforceError)) throw error;
        return { id: null, success: false, errors: [this.dmlError(error)] };
      }
    });
    if (allOrNone && results.some((r) => !r.success)) {
      const rollback = this.dmlError(rolledBack());
      return results.map((r) => (r.success ? { id: null, success: false, errors: [rollback] } : r));
    }
    this.commit(tx, user);
    return results;
  }

  private createdFlag(done: { created?: boolean }): { created?: boolean } {
    return done.created === undefined ? {} : { created: done.created };
  }

  private dmlError(error: SalesforceError): DmlResult['errors'][number] {
    return { statusCode: error.errorCode, message: error.message, fields: [...error.fields] };
  }

  private commit(tx: WriteTransaction, user: EmulatorUser): void {
    this.table.commit(tx);
    if (tx.log.length === 0 || this.listeners.size === 0) return;
    const events = buildChangeEvents(tx.log, {
      transactionKey: randomUUID(),
      commitTimestamp: tx.now.getTime(),
      commitUserId: user.Id,
    });
    for (const event of events) {
      for (const listener of [...this.listeners]) {
        try {
          listener(event);
        } catch (error) {
          // A failing subscriber must not undo or block a committed write.
          console.error('OrgStore change listener failed', error);
        }
      }
    }
  }
}
