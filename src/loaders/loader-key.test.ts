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
});
