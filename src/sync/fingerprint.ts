import { createHash } from 'node:crypto';

/** Stable JSON: keys sorted, so the same values always hash the same. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

/** SHA-256 of the mapped Salesforce field values of one record. */
export function fingerprintOf(fields: Record<string, unknown>): string {
  return createHash('sha256').update(canonical(fields)).digest('base64url');
}
