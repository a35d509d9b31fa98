/**
 * Salesforce record Ids: 15 case-sensitive characters, or 18 with a 3-character suffix that
 * encodes the case of the first 15 so the Id survives case-insensitive systems.
 * https://help.salesforce.com/s/articleView?id=000385008
 */
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export const ID_PATTERN = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

export function checksumSuffix(id15: string): string {
  let suffix = '';
  for (let block = 0; block < 3; block++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charAt(block * 5 + i);
      if (c >= 'A' && c <= 'Z') bits |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET.charAt(bits);
  }
  return suffix;
}

/** The 18-character form of a 15- or 18-character Id; undefined if it is not an Id. */
export function to18(id: string): string | undefined {
  if (!ID_PATTERN.test(id)) return undefined;
  const id15 = id.slice(0, 15);
  return id15 + checksumSuffix(id15);
}

/** A new Id: key prefix, pod "000", then a base-62 counter, padded to 15, plus the suffix. */
export function makeId(keyPrefix: string, counter: number): string {
  let body = '';
  let n = counter;
  do {
    body = BASE62.charAt(n % 62) + body;
    n = Math.floor(n / 62);
  } while (n > 0);
  const id15 = (keyPrefix + '0' + body.padStart(11, '0')).slice(0, 15);
  return id15 + checksumSuffix(id15);
}
