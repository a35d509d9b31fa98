import { generateKeyPairSync } from 'node:crypto';
import {
  accessTokenHash,
  createSigningKey,
  decodeJwt,
  publicJwk,
  signJwt,
  verifyRs256,
} from './jwt';

describe('RS256 JWT helpers', () => {
  const key = createSigningKey();

  it('signs tokens that verify with the public key and carry the kid', () => {
    const token = signJwt({ sub: '005', n: 1 }, key);
    expect(decodeJwt(token)?.header).toEqual({ alg: 'RS256', typ: 'JWT', kid: key.kid });
    expect(verifyRs256(token, key.publicKey)).toEqual({ sub: '005', n: 1 });
  });

  it('rejects tampered tokens, other keys and non-JWTs', () => {
    const token = signJwt({ sub: '005' }, key);
    const [h, , s] = token.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ sub: 'admin' })).toString('base64url')}.${s}`;
    expect(verifyRs256(forged, key.publicKey)).toBeUndefined();
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
    expect(verifyRs256(token, other)).toBeUndefined();
    expect(verifyRs256('not-a-jwt', key.publicKey)).toBeUndefined();
  });

  it('publishes an RSA JWK and computes at_hash per OIDC', () => {
    expect(publicJwk(key)).toMatchObject({
      kty: 'RSA',
      kid: key.kid,
      alg: 'RS256',
      use: 'sig',
      e: 'AQAB',
    });
    expect(accessTokenHash('abc')).toHaveLength(22);
  });
});
