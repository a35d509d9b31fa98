import { chunkIds, idKey, normalizeId } from './salesforce-id';
import { SoqlInputError } from './soql-input-error';

describe('normalizeId', () => {
  // Suffix by hand: 001Dn -> D is bit 3 -> 'I'; 00000 -> 'A'; ABcdE -> bits 0,1,4 = 19 -> 'T'.
  it('appends the case-checksum to 15-character Ids', () => {
    expect(normalizeId('001000000000001')).toBe('001000000000001AAA');
    expect(normalizeId('001Dn00000ABcdE')).toBe('001Dn00000ABcdEIAT');
  });

  it('returns a valid 18-character Id unchanged', () => {
    expect(normalizeId('001Dn00000ABcdEIAT')).toBe('001Dn00000ABcdEIAT');
  });

  it('restores the case of an 18-character Id from its suffix, as Salesforce does', () => {
    expect(normalizeId('001dn00000abcdeiat')).toBe('001Dn00000ABcdEIAT');
    expect(normalizeId('001DN00000ABCDEIAT')).toBe('001Dn00000ABcdEIAT');
  });

  it.each([
    ['too short', '001000000000'],
    ['16 characters', '001000000000001A'],
    ['punctuation', "001000000000' OR"],
    ['injection', "' OR Id != null"],
    ['empty', ''],
    ['suffix marks a digit upper-case', '001000000000001ZZZ'],
    ['suffix outside the alphabet', '0010000000000019AA'],
  ])('rejects %s', (_label, id) => {
    expect(() => normalizeId(id, 'id')).toThrow(SoqlInputError);
    try {
      normalizeId(id, 'id');
    } catch (err) {
      expect((err as SoqlInputError).argument).toBe('id');
    }
  });

  it('rejects non-strings', () => {
    expect(() => normalizeId(42 as unknown as string)).toThrow(SoqlInputError);
  });
});

describe('chunkIds', () => {
  it('splits into chunks of 200 by default', () => {
    const ids = Array.from({ length: 450 }, (_, i) => `id${i}`);
    const chunks = chunkIds(ids);
    expect(chunks.map((c) => c.length)).toEqual([200, 200, 50]);
    expect(chunks.flat()).toEqual(ids);
  });

  it('honours a custom size and handles empty input', () => {
    expect(chunkIds(['a', 'b', 'c'], 2)).toEqual([['a', 'b'], ['c']]);
    expect(chunkIds([])).toEqual([]);
    expect(() => chunkIds(['a'], 0)).toThrow(RangeError);
  });
});

describe('idKey', () => {
  it('gives the 15- and 18-character forms of one Id the same key', () => {
    expect(idKey('001Dn00000ABcdEIAT')).toBe('001Dn00000ABcdE');
    expect(idKey('001Dn00000ABcdE')).toBe(idKey('001Dn00000ABcdEIAT'));
  });
});
