import { ifMatch, noneMatch, recordEtag } from './rest-etag';

describe('record ETags', () => {
  const etag = recordEtag({ id: '001', name: 'Acme' });

  it('is a strong tag that changes with the representation', () => {
    expect(etag).toMatch(/^"[\w-]{32}"$/);
    expect(recordEtag({ id: '001', name: 'Acme' })).toBe(etag);
    expect(recordEtag({ id: '001', name: 'Acme Inc' })).not.toBe(etag);
  });

  it('If-None-Match compares weakly, in a list, with * matching anything', () => {
    expect(noneMatch(undefined, etag)).toBe(true);
    expect(noneMatch(etag, etag)).toBe(false);
    expect(noneMatch(`"a", W/${etag}`, etag)).toBe(false);
    expect(noneMatch('*', etag)).toBe(false);
    expect(noneMatch('"other"', etag)).toBe(true);
  });

  it('If-Match compares strongly: a weak tag never matches', () => {
    expect(ifMatch(undefined, etag)).toBe(true);
    expect(ifMatch(etag, etag)).toBe(true);
    expect(ifMatch(`"x", ${etag}`, etag)).toBe(true);
    expect(ifMatch('*', etag)).toBe(true);
    expect(ifMatch(`W/${etag}`, etag)).toBe(false);
    expect(ifMatch('"other"', etag)).toBe(false);
  });
});
