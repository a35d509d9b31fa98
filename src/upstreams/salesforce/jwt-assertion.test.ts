import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { parsePrivateKey, signJwtBearerAssertion } from './jwt-assertion';

describe('signJwtBearerAssertion', () => {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

  it('signs the claims Salesforce checks with RS256', () => {
    const now = new Date('2025-01-01T00:00:00Z');
    const jwt = signJwtBearerAssertion(
      {
        issuer: 'client-id',
        subject: 'integration@example.com',
        audience: 'https://login.salesforce.com',
      },
      parsePrivateKey(pem),
      now,
    );
    const [header, payload, signature] = jwt.split('.');
    expect(JSON.parse(Buffer.from(header ?? '', 'base64url').toString())).toEqual({
      alg: 'RS256',
      typ: 'JWT',
    });
    expect(JSON.parse(Buffer.from(payload ?? '', 'base64url').toString())).toEqual({
      iss: 'client-id',
      sub: 'integration@example.com',
      aud: 'https://login.salesforce.com',
      exp: now.getTime() / 1000 + 180,
    });
    const valid = verify(
      'RSA-SHA256',
      Buffer.from(`${header}.${payload}`),
      createPublicKey(privateKey),
      Buffer.from(signature ?? '', 'base64url'),
    );
    expect(valid).toBe(true);
  });

  it('rejects a key that is not a PEM private key', () => {
    expect(() => parsePrivateKey('not a key')).toThrow();
  });
});
