import { s256Challenge, verifyPkce } from './pkce';

describe('PKCE S256', () => {
  // RFC 7636 appendix B.
  const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
  const challenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

  it('computes the RFC 7636 example challenge', () => {
    expect(s256Challenge(verifier)).toBe(challenge);
  });

  it('accepts the matching verifier, including jsforce-length ones', () => {
    expect(verifyPkce(verifier, challenge)).toBe(true);
    const long = 'a'.repeat(171);
    expect(verifyPkce(long, s256Challenge(long))).toBe(true);
  });

  it('rejects a wrong, missing or unexpected verifier', () => {
    expect(verifyPkce(`${verifier}x`, challenge)).toBe(false);
    expect(verifyPkce(undefined, challenge)).toBe(false);
    expect(verifyPkce(verifier, undefined)).toBe(false);
    expect(verifyPkce('short', s256Challenge('short'))).toBe(false);
    expect(verifyPkce(undefined, undefined)).toBe(true);
  });
});
