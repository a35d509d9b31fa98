import type { ScalarKind } from '../../../upstreams/salesforce/soql';

/** Salesforce writes offsets as `+0000`, which RFC 3339 (and so the DateTime scalar) rejects. */
export function parseSalesforceDateTime(value: unknown): Date | null {
  if (value instanceof Date) return value;
  if (typeof value !== 'string') return null;
  const date = new Date(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A Salesforce date (`YYYY-MM-DD`) as the Date scalar serializes it. */
export function parseSalesforceDate(value: unknown): string | null {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return typeof value === 'string' ? value.slice(0, 10) : null;
}

/** A value read from a Salesforce record, shaped for its GraphQL field. */
export function fromSalesforce(kind: ScalarKind, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'datetime':
      return parseSalesforceDateTime(value);
    case 'date':
      return parseSalesforceDate(value);
    case 'int':
    case 'float':
      return typeof value === 'number' ? value : Number(value);
    case 'boolean':
      return value === true || value === 'true';
    case 'multipicklist':
      return typeof value === 'string' ? value.split(';').filter((v) => v !== '') : [];
    default:
      return typeof value === 'string' ? value : String(value);
  }
}

/** A GraphQL argument value (Date scalars arrive as `Date`) as Salesforce expects it in SOQL and payloads. */
export function toSalesforce(kind: ScalarKind, value: unknown): unknown {
  // An empty selection clears a multi-select picklist, as null does.
  if (kind === 'multipicklist' && Array.isArray(value))
    return value.length === 0 ? null : value.join(';');
  if (!(value instanceof Date)) return value;
  return kind === 'date' ? value.toISOString().slice(0, 10) : value.toISOString();
}
