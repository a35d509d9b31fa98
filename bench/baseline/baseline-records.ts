import type { Record as SfRecord } from 'jsforce';

/** Narrow readers for jsforce's loosely typed records. */
export function text(record: SfRecord, field: string): string | null {
  const value = record[field];
  return typeof value === 'string' ? value : null;
}

export function requiredText(record: SfRecord, field: string): string {
  const value = text(record, field);
  if (value === null) throw new Error(`Salesforce record has no ${field}`);
  return value;
}

export function numberOrNull(record: SfRecord, field: string): number | null {
  const value = record[field];
  return typeof value === 'number' ? value : null;
}

const SALESFORCE_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

export function encodeCursor(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64url');
}

/** The cursor is the last row's Id; it is checked before it goes into SOQL. */
export function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!SALESFORCE_ID.test(id)) throw new Error('invalid cursor');
  return id;
}

export function checkFirst(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > 200) {
    throw new Error('first must be between 1 and 200');
  }
  return first;
}
