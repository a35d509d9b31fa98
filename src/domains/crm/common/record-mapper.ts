import {
  OBJECT_MAPPINGS,
  type SalesforceRecord,
  type SObjectName,
} from '../../../upstreams/salesforce/soql';
import type { Address } from '../../shared/address.type';
import { fromSalesforce } from './salesforce-values';

interface Origin {
  sobject: SObjectName;
  record: SalesforceRecord;
}

/** The Salesforce record behind each domain object, for parent/child resolution; invisible to GraphQL. */
const origins = new WeakMap<object, Origin>();

export function originOf(node: object): Origin {
  const origin = origins.get(node);
  if (!origin) throw new Error('Domain object was not built from a Salesforce record');
  return origin;
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
  const mapping = OBJECT_MAPPINGS[sobject];
  const node = new Type();
  const fields = node as unknown as Record<string, unknown>;
  for (const [field, spec] of Object.entries(mapping.fields)) {
    if (spec.soql in record) fields[field] = fromSalesforce(spec.kind, record[spec.soql]);
  }
  for (const [field, parts] of Object.entries(mapping.addresses)) {
    if (Object.values(parts).some((soql) => soql in record))
      fields[field] = addressOf(record, parts);
  }
  fields.id = record.Id;
  origins.set(node, { sobject, record });
  return node;
}
