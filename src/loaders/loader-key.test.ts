import { loaderKey } from './loader-key';

describe('loaderKey', () => {
  it('ignores the order of field lists but not of sort keys, and leads with the scope', () => {
    const orderBy = [{ field: 'NAME' }, { field: 'AMOUNT' }];
    expect(loaderKey('s', { fields: ['B', 'A'], orderBy })).toBe(
      loaderKey('s', { fields: ['A', 'B'], orderBy }),
    );
    expect(loaderKey('s', { orderBy })).not.toBe(
      loaderKey('s', { orderBy: [...orderBy].reverse() }),
    );
    expect(loaderKey('s', { fields: ['A'] })).not.toBe(loaderKey('t', { fields: ['A'] }));
    expect(loaderKey('org:1', {}).startsWith('org:1|')).toBe(true);
  });

  it('writes flat specs as the same JSON the generic path would, absent values left out', () => {
    expect(loaderKey('s', { object: 'Account', fields: ['Name', 'Id'], where: null, n: 5 })).toBe(
      's|{"object":"Account","fields":["Id","Name"],"where":null,"n":5}',
    );
    expect(loaderKey('s', { a: undefined, b: 'x"y', c: true })).toBe('s|{"b":"x\\"y","c":true}');
    // A nested filter takes the generic path and still sorts its string lists.
    expect(loaderKey('s', { where: { in: ['b', 'a'] }, fields: ['B', 'A'] })).toBe(
      's|{"where":{"in":["a","b"]},"fields":["A","B"]}',
    );
  });
});
