import { Router } from './router';

describe('Router', () => {
  const router = new Router<string>()
    .add('GET', '/sobjects/:type/describe', 'describe')
    .add('GET', '/sobjects/:type/:id', 'retrieve')
    .add('PATCH', '/sobjects/:type/:id', 'update')
    .add('GET', '/', 'root');

  it('prefers a literal segment registered first and decodes parameters', () => {
    expect(router.lookup('GET', '/sobjects/Account/describe')).toEqual({
      kind: 'found',
      handler: 'describe',
      params: { type: 'Account' },
    });
    expect(router.lookup('GET', '/sobjects/My%20Obj/001')).toEqual({
      kind: 'found',
      handler: 'retrieve',
      params: { type: 'My Obj', id: '001' },
    });
  });

  it('matches the root with or without a trailing slash', () => {
    expect(router.lookup('GET', '/')).toMatchObject({ kind: 'found', handler: 'root' });
    expect(router.lookup('GET', '')).toMatchObject({ kind: 'found', handler: 'root' });
  });

  it('reports 405 with the allowed methods when only the method is wrong', () => {
    expect(router.lookup('DELETE', '/sobjects/Account/001')).toEqual({
      kind: 'method-not-allowed',
      allowed: ['GET', 'PATCH'],
    });
  });

  it('reports not-found for unknown paths and undecodable parameters', () => {
    expect(router.lookup('GET', '/nope')).toEqual({ kind: 'not-found' });
    expect(router.lookup('GET', '/sobjects/Account/%E0%A4%A')).toEqual({ kind: 'not-found' });
  });
});
