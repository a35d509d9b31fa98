import { SoqlInputError } from './soql-input-error';
import { MAX_IDS_PER_QUERY } from './soql.types';

/*
 * Salesforce Ids: 15 case-sensitive characters, or 18 whose last 3 encode which of the first 15
 * are upper-case letters, so the Id survives case-insensitive systems.
 * https://help.salesforce.com/s/articleView?id=000385008
 * The emulator keeps its own copy of this rule: the gateway and emulators share no code.
 */
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const ID_SHAPE = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

function isUpperLetter(c: string): boolean {
  return c >= 'A' && c <= 'Z';
}

function isLetter(c: string): boolean {
  return isUpperLetter(c) || (c >= 'a' && c <= 'z');
}

function checksum(id15: string): string {
  let suffix = '';
  for (let block = 0; block < 3; block++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      if (isUpperLetter(id15.charAt(block * 5 + i))) bits |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET.charAt(bits);
  }
  return suffix;
}

/** Rebuilds the case of the first 15 characters from the suffix, as Salesforce does; undefined if the suffix contradicts them. */
function restoreCase(id18: string): string | undefined {
  const suffix = id18.slice(15).toUpperCase();
  let id15 = '';
  for (let block = 0; block < 3; block++) {
    const bits = SUFFIX_ALPHABET.indexOf(suffix.charAt(block));
    if (bits < 0) return undefined;
    for (let i = 0; i < 5; i++) {
      const c = id18.charAt(block * 5 + i);
      const upper = (bits & (1 << i)) !== 0;
      if (upper && !isLetter(c)) return undefined;
      id15 += upper ? c.toUpperCase() : c.toLowerCase();
    }
  }
  return id15;
}

/** Normalize a 15/18-char Salesforce Id to 18 chars; throws SoqlInputError if malformed. */
export function normalizeId(id: string, argument?: string): string {
  if (typeof id !== 'string' || !ID_SHAPE.test(id)) {
    throw new SoqlInputError(
      `Invalid Salesforce Id ${JSON.stringify(id)}: expected 15 or 18 letters and digits`,
      argument,
    );
  }
  if (id.length === 15) return id + checksum(id);
  const id15 = restoreCase(id);
  if (id15 === undefined) {
    throw new SoqlInputError(
      `Invalid Salesforce Id ${JSON.stringify(id)}: its checksum suffix does not match`,
      argument,
    );
  }
  return id15 + checksum(id15);
}

/**
 * The case-safe join key of an Id: its first 15 characters. Salesforce may answer an 18-char
 * Id where the caller sent 15 (or the other way round), and both name the same record.
 */
export function idKey(id: string): string {
  return id.slice(0, 15);
}

/** Split ids into chunks of at most MAX_IDS_PER_QUERY (URI-size safe). */
export function chunkIds(ids: string[], size: number = MAX_IDS_PER_QUERY): string[][] {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`chunk size must be a positive integer, got ${size}`);
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += size) chunks.push(ids.slice(i, i + size));
  return chunks;
}
