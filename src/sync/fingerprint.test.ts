import { fingerprintOf } from './fingerprint';

describe('fingerprintOf', () => {
  it('ignores key order and undefined, tells values and null apart', () => {
    expect(fingerprintOf({ a: 1, b: 'x' })).toBe(fingerprintOf({ b: 'x', a: 1, c: undefined }));
    expect(fingerprintOf({ a: 1 })).not.toBe(fingerprintOf({ a: 2 }));
    expect(fingerprintOf({ a: null })).not.toBe(fingerprintOf({ a: 'null' }));
    expect(fingerprintOf({ a: null })).not.toBe(fingerprintOf({}));
  });
});
