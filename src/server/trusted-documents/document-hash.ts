import { createHash } from 'node:crypto';

/** A document's id in APQ and in Apollo's manifest: SHA-256 of its exact text, lowercase hex. */
export function documentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function isDocumentHash(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
}
