import type { FieldDef, FieldType, FieldValue } from '../model/types';
import { to18 } from '../model/ids';
import { parseDateValue } from './date-literals';

/** How the engine compares a field's values; several describe types share one. */
export type ValueKind =
  'text' | 'id' | 'multi' | 'number' | 'boolean' | 'date' | 'datetime' | 'compound';

const KINDS: Record<FieldType, ValueKind> = {
  id: 'id',
  reference: 'id',
  string: 'text',
  textarea: 'text',
  picklist: 'text',
  multipicklist: 'multi',
  email: 'text',
  phone: 'text',
  url: 'text',
  boolean: 'boolean',
  int: 'number',
  double: 'number',
  currency: 'number',
  percent: 'number',
  date: 'date',
  datetime: 'datetime',
  address: 'compound',
  location: 'compound',
  encryptedstring: 'text',
};

export const valueKind = (field: FieldDef): ValueKind => KINDS[field.type];

/** The type name Salesforce uses in "must be of type X" filter messages. */
export function soapTypeName(field: FieldDef): string {
  switch (field.type) {
    case 'int':
      return 'int';
    case 'double':
    case 'currency':
    case 'percent':
      return 'double';
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'date';
    case 'datetime':
      return 'dateTime';
    case 'id':
    case 'reference':
      return 'id';
    default:
      return 'string';
  }
}

/** Normalized for comparison: lowercase text, 18-char ids, epoch ms for dates. */
export function comparable(kind: ValueKind, value: FieldValue): string | number | boolean | null {
  if (value === null || value === undefined || typeof value === 'object') return null;
  switch (kind) {
    case 'text':
    case 'multi':
      return String(value).toLowerCase();
    case 'id': {
      const text = String(value);
      return text.length === 15 ? (to18(text) ?? text) : text;
    }
    case 'date':
      return typeof value === 'string' ? storedDateMs(value) : null;
    case 'datetime':
      return typeof value === 'string' ? Date.parse(value) : null;
    default:
      return value;
  }
}

/** Stored dates are trusted `YYYY-MM-DD`; slicing beats a regex on every row of a scan. */
function storedDateMs(value: string): number {
  if (value.length === 10 && value.charAt(4) === '-' && value.charAt(7) === '-') {
    return Date.UTC(
      Number(value.slice(0, 4)),
      Number(value.slice(5, 7)) - 1,
      Number(value.slice(8, 10)),
    );
  }
  return parseDateValue(value.slice(0, 10));
}

/** Ascending order of two non-null comparables of the same kind. */
export function compareComparable(
  a: string | number | boolean,
  b: string | number | boolean,
): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

const DATETIME_STORED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** REST output: dates as stored, datetimes as `2024-01-31T10:00:00.000+0000`. */
export function formatOutput(field: FieldDef, value: FieldValue | undefined): FieldValue {
  if (value === undefined || value === null) return null;
  if (field.type === 'datetime' && typeof value === 'string') {
    if (DATETIME_STORED.test(value)) return `${value.slice(0, 23)}+0000`;
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? value : `${new Date(ms).toISOString().slice(0, 23)}+0000`;
  }
  return value;
}
