import type { CompanyData, Customer, Invoice } from '../model/entities';

export type EntityName = 'Customer' | 'Invoice';
export type EntityRow = Customer | Invoice;

/** How a queryable property compares: references compare their `value`. */
export type PropertyKind = 'string' | 'number' | 'boolean' | 'date' | 'dateTime' | 'ref';

export interface EntityDef {
  name: EntityName;
  rows(data: CompanyData): EntityRow[];
  /** Property paths allowed in WHERE and ORDERBY, by lower-cased name. */
  properties: Record<string, { path: string; kind: PropertyKind }>;
}

const META = {
  'metadata.createtime': { path: 'MetaData.CreateTime', kind: 'dateTime' },
  'metadata.lastupdatedtime': { path: 'MetaData.LastUpdatedTime', kind: 'dateTime' },
} as const;

/** The entities this emulator serves and their filterable properties (QBO's reference docs). */
export const ENTITIES: Record<string, EntityDef> = {
  customer: {
    name: 'Customer',
    rows: (data) => data.customers,
    properties: {
      id: { path: 'Id', kind: 'number' },
      displayname: { path: 'DisplayName', kind: 'string' },
      companyname: { path: 'CompanyName', kind: 'string' },
      fullyqualifiedname: { path: 'FullyQualifiedName', kind: 'string' },
      printoncheckname: { path: 'PrintOnCheckName', kind: 'string' },
      primaryemailaddr: { path: 'PrimaryEmailAddr.Address', kind: 'string' },
      balance: { path: 'Balance', kind: 'number' },
      active: { path: 'Active', kind: 'boolean' },
      ...META,
    },
  },
  invoice: {
    name: 'Invoice',
    rows: (data) => data.invoices,
    properties: {
      id: { path: 'Id', kind: 'number' },
      docnumber: { path: 'DocNumber', kind: 'string' },
      txndate: { path: 'TxnDate', kind: 'date' },
      duedate: { path: 'DueDate', kind: 'date' },
      totalamt: { path: 'TotalAmt', kind: 'number' },
      balance: { path: 'Balance', kind: 'number' },
      customerref: { path: 'CustomerRef', kind: 'ref' },
      emailstatus: { path: 'EmailStatus', kind: 'string' },
      ...META,
    },
  },
};

/** The value at a dotted path (`MetaData.CreateTime`), a reference's `value` for refs. */
export function propertyValue(row: EntityRow, path: string, kind: PropertyKind): unknown {
  let value: unknown = row;
  for (const part of path.split('.')) {
    value =
      value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  }
  if (kind === 'ref') return (value as { value?: string } | undefined)?.value;
  return value;
}
