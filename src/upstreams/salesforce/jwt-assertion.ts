import { createPrivateKey, sign, type KeyObject } from 'node:crypto';

export interface JwtBearerClaims {
  /** Connected app consumer key. */
  issuer: string;
  /** The Salesforce username the token is for. */
  subject: string;
  /** The login host (https://login.salesforce.com, https://test.salesforce.com, or the emulator). */
  audience: string;
  /** Salesforce accepts at most 3 minutes. */
  lifetimeSeconds?: number;
}

const base64url = (value: string | Buffer): string => Buffer.from(value).toString('base64url');

export function parsePrivateKey(pem: string): KeyObject {
  return createPrivateKey({ key: pem, format: 'pem' });
}

/**
 * An RS256 JWT for Salesforce's OAuth 2.0 JWT bearer flow
 * (https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_jwt_flow.htm).
 * Signed with node:crypto rather than `jose`: jose 6 ships ESM only, which this CommonJS
 * build (and ts-jest) cannot require on Node 20.
 */
export function signJwtBearerAssertion(
  claims: JwtBearerClaims,
  key: KeyObject,
  now: Date = new Date(),
): string {
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
  const exp = Math.floor(now.getTime() / 1000) + (claims.lifetimeSeconds ?? 180);
  const payload = base64url(
    JSON.stringify({ iss: claims.issuer, sub: claims.subject, aud: claims.audience, exp }),
  );
  const signature = sign('RSA-SHA256', Buffer.from(`${header}.${payload}`), key);
  return `${header}.${payload}.${base64url(signature)}`;
}
