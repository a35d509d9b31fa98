import {
  mappingsRevision,
  OBJECT_MAPPINGS,
  type SalesforceRecord,
  type ScalarKind,
  type SObjectName,
} from '../../../upstreams/salesforce/soql';
import type { Address } from '../../shared/address.type';
import { fromSalesforce } from './salesforce-values';

interface Origin {
  sobject: SObjectName;
  record: SalesforceRecord;
}

/**
 * The Salesforce record behind each domain object, for parent/child resolution. A symbol key
 * is invisible to GraphQL and JSON, and costs far less per node than a WeakMap entry (a page
 * of 200 opportunities with parents and five contacts each builds ~1,400 nodes).
 */
const ORIGIN = Symbol('salesforceOrigin');

type WithOrigin = { [ORIGIN]?: Origin };

export function originOf(node: object): Origin {
  const origin = (node as WithOrigin)[ORIGIN];
  if (!origin) throw new Error('Domain object was not built from a Salesforce record');
  return origin;
}

interface RecordReader {
  /** SOQL field -> the GraphQL fields it fills (a record holds few of an object's fields). */
  scalars: Map<string, Array<{ field: string; kind: ScalarKind }>>;
  /** SOQL address part -> the compound GraphQL address fields it belongs to. */
  addressParts: Map<string, string[]>;
}

const readers = new Map<SObjectName, RecordReader>();
let readersRevision = mappingsRevision();

function readerFor(sobject: SObjectName): RecordReader {
  // Custom fields registered at startup extend the mappings the readers were built from.
  if (readersRevision !== mappingsRevision()) {
    readers.clear();
    readersRevision = mappingsRevision();
  }
  let reader = readers.get(sobject);
  if (reader) return reader;
  const mapping = OBJECT_MAPPINGS[sobject];
  reader = { scalars: new Map(), addressParts: new Map() };
  for (const [field, spec] of Object.entries(mapping.fields)) {
    const list = reader.scalars.get(spec.soql) ?? [];
    list.push({ field, kind: spec.kind });
    reader.scalars.set(spec.soql, list);
  }
  for (const [field, parts] of Object.entries(mapping.addresses)) {
    for (const soql of Object.values(parts)) {
      const list = reader.addressParts.get(soql) ?? [];
      list.push(field);
      reader.addressParts.set(soql, list);
    }
  }
  readers.set(sobject, reader);
  return reader;
}

function addressOf(record: SalesforceRecord, parts: Record<keyof Address, string>): Address | null {
  const address = {} as Address;
  let any = false;
  for (const [key, soql] of Object.entries(parts) as Array<[keyof Address, string]>) {
    const value = record[soql];
    address[key] = typeof value === 'string' ? value : null;
    if (address[key] !== null) any = true;
  }
  // Salesforce's compound address is null when every part is.
  return any ? address : null;
}

/**
 * Builds a domain object (class instance, so the Node interface resolves its type) from a
 * record. Only fields present in the record are set: the SOQL selected what GraphQL asked.
 */
export function toDomainObject<T extends object>(
  Type: new () => T,
  sobject: SObjectName,
  record: SalesforceRecord,
): T {
  const reader = readerFor(sobject);
  const node = new Type();
  const fields = node as unknown as Record<string, unknown>;
  let addresses: Set<string> | undefined;
  for (const soql in record) {
    const scalars = reader.scalars.get(soql);
    if (scalars) {
      for (const { field, kind } of scalars) fields[field] = fromSalesforce(kind, record[soql]);
    }
    const compound = reader.addressParts.get(soql);
    if (compound) for (const field of compound) (addresses ??= new Set()).add(field);
  }
  if (addresses) {
    const mapping = OBJECT_MAPPINGS[sobject];
    for (const field of addresses) {
      fields[field] = addressOf(record, mapping.addresses[field] as Record<keyof Address, string>);
    }
  }
  fields.id = record.Id;
  (node as WithOrigin)[ORIGIN] = { sobject, record };
  return node;
}
