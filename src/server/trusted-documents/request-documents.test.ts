import { documentHash } from './document-hash';
import { TrustedDocumentList } from './manifest';
import { allowListRefusal, persistedQueryOf, requestErrorStatus } from './request-documents';

const LISTED = 'query Listed { __typename }';
const list = TrustedDocumentList.fromJson({ [documentHash(LISTED)]: LISTED }, 'test');
const ref = (hash: string) =>
  persistedQueryOf({ persistedQuery: { version: 1, sha256Hash: hash } });

describe('persistedQueryOf', () => {
  it('reads the extension, or its absence', () => {
    expect(persistedQueryOf(undefined)).toEqual({ kind: 'none' });
    expect(persistedQueryOf({ other: 1 })).toEqual({ kind: 'none' });
    expect(ref('abc')).toEqual({ kind: 'hash', hash: 'abc' });
  });

  it('reports a malformed extension as BAD_USER_INPUT', () => {
    const version = persistedQueryOf({ persistedQuery: { version: 2, sha256Hash: 'abc' } });
    expect(version.kind === 'invalid' && version.error.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'PERSISTED_QUERY_VERSION',
    });
    const hash = persistedQueryOf({ persistedQuery: { version: 1, sha256Hash: 42 } });
    expect(hash.kind === 'invalid' && hash.error.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'PERSISTED_QUERY_HASH',
    });
  });
});

describe('allowListRefusal', () => {
  it('lets listed hashes and listed texts through', () => {
    expect(allowListRefusal(undefined, ref(documentHash(LISTED)), list)).toBeUndefined();
    expect(allowListRefusal(LISTED, { kind: 'none' }, list)).toBeUndefined();
  });

  it('refuses anything else with PERSISTED_QUERY_REQUIRED', () => {
    const other = '{ __typename }';
    for (const refusal of [
      allowListRefusal(undefined, ref(documentHash(other)), list),
      allowListRefusal(other, ref(documentHash(other)), list),
      allowListRefusal(other, { kind: 'none' }, list),
      allowListRefusal(`${LISTED}\n`, { kind: 'none' }, list),
    ]) {
      expect(refusal?.extensions.code).toBe('PERSISTED_QUERY_REQUIRED');
    }
  });

  it('leaves empty and malformed requests to the normal path', () => {
    expect(allowListRefusal(undefined, { kind: 'none' }, list)).toBeUndefined();
    expect(allowListRefusal('', { kind: 'none' }, list)).toBeUndefined();
    const invalid = persistedQueryOf({ persistedQuery: { version: 3 } });
    expect(allowListRefusal('{ x }', invalid, list)).toBeUndefined();
  });
});

describe('requestErrorStatus', () => {
  it.each<[string | undefined, number]>([
    [undefined, 200],
    ['', 200],
    ['application/json', 200],
    ['*/*', 200],
    ['text/html', 200],
    ['application/graphql-response+json', 400],
    ['application/graphql-response+json, application/json', 400],
    ['application/json, application/graphql-response+json', 200],
    ['application/graphql-response+json, */*', 400],
    ['application/graphql-response+json;q=0.9, application/json', 200],
    ['application/json;q=0.5, application/graphql-response+json', 400],
    ['application/graphql-response+json;q=0, application/json', 200],
    ['application/graphql-response+json, application/json;q=0', 400],
  ])('Accept %s → %d', (accept, status) => {
    expect(requestErrorStatus(accept)).toBe(status);
  });
});
