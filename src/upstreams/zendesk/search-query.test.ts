import { parseSearchQuery } from '../../emulators/zendesk/search/search-query';
import {
  chunkTerms,
  isZendeskId,
  MAX_ENCODED_QUERY_LENGTH,
  MAX_TERMS_PER_QUERY,
  searchQuery,
  searchTerm,
} from './search-query';

describe('Zendesk search terms', () => {
  it('writes ids bare and other values quoted', () => {
    expect(searchTerm('organization', '361000000013')).toBe('organization:361000000013');
    expect(searchTerm('email', 'ana@example.org')).toBe('email:"ana@example.org"');
    expect(isZendeskId('0123')).toBe(false);
    expect(isZendeskId('12345678901234567890')).toBe(false);
  });

  it('refuses values that could leave their literal: quotes, backslashes, whitespace, control characters', () => {
    for (const value of [
      'a@b.com" type:organization',
      'a@b.com type:user',
      'a\\"@b.com',
      'a@b.com\norganization:1',
      'a@b.com\u0000',
      '',
    ]) {
      expect(searchTerm('email', value)).toBeUndefined();
    }
  });

  it('an injection attempt that passes stays one term of its keyword (read back by the emulator parser)', () => {
    const term = searchTerm('email', 'x@y.com)-status:closed(type:organization')!;
    const parsed = parseSearchQuery(searchQuery('type:user', [term]));
    expect(parsed.types).toEqual(['user']);
    expect(parsed.terms).toEqual([
      {
        kind: 'field',
        field: 'email',
        operator: ':',
        value: 'x@y.com)-status:closed(type:organization',
        negated: false,
      },
    ]);
  });
});

describe('searchQuery', () => {
  it('writes the prefix first, and leaves an empty one out (an export names no type:)', () => {
    expect(searchQuery('type:user', ['email:"a@b.com"'])).toBe('type:user email:"a@b.com"');
    expect(searchQuery('', ['organization:1', 'organization:2'])).toBe(
      'organization:1 organization:2',
    );
  });
});

describe('chunkTerms', () => {
  const encoded = (prefix: string, terms: string[]) =>
    new URLSearchParams({ query: searchQuery(prefix, terms) }).toString().length;

  it('keeps a page of 50 organizations in one query', () => {
    const terms = Array.from({ length: 50 }, (_, i) => `organization:${361000000000 + i * 13}`);
    expect(chunkTerms('type:ticket', terms)).toEqual([terms]);
  });

  it('splits long term lists by encoded length and by count, keeping every term once and in order', () => {
    const emails = Array.from(
      { length: 120 },
      (_, i) => `email:"someone.rather.long${i}@example.org"`,
    );
    const groups = chunkTerms('type:user', emails);
    expect(groups.length).toBeGreaterThan(1);
    expect(groups.flat()).toEqual(emails);
    for (const group of groups) {
      expect(encoded('type:user', group)).toBeLessThanOrEqual(MAX_ENCODED_QUERY_LENGTH);
      expect(group.length).toBeLessThanOrEqual(MAX_TERMS_PER_QUERY);
    }
    const ids = Array.from({ length: 250 }, (_, i) => `requester:${i + 1}`);
    expect(chunkTerms('type:ticket', ids).map((g) => g.length)).toEqual([100, 100, 50]);
  });

  it('a single term longer than the budget still gets its own query', () => {
    expect(chunkTerms('type:user', ['email:"x"', 'email:"y"'], 10)).toEqual([
      ['email:"x"'],
      ['email:"y"'],
    ]);
  });
});
